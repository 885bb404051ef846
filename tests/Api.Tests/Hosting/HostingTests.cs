using IaGenify.Api.Tests.Support;

namespace IaGenify.Api.Tests.Hosting;

public sealed class HostingTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Health_endpoints_report_the_process_and_the_database()
    {
        await (await Anonymous().GetAsync("/health/live")).ShouldBe(200);
        var ready = await Anonymous().GetAsync("/health/ready");
        await ready.ShouldBe(200);
        Assert.Equal("Healthy", (await ready.Json()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_and_docs_are_served()
    {
        var document = await (await Anonymous().GetAsync("/openapi/v1.json")).Json();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/auth/login", paths);
        Assert.Contains("/api/v1/workspaces/{workspaceId}/members", paths);

        var docs = await Anonymous().GetAsync("/docs/");
        await docs.ShouldBe(200);
        Assert.Contains("text/html", docs.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Captured_mail_is_listed_only_in_development()
    {
        await (await Anonymous().GetAsync("/dev/mail")).ShouldBeProblem(404);

        // The email goes out through the outbox, delivered here by the host's own background dispatcher.
        await using var development = new ApiFactory(Fixture.ConnectionString, environment: "Development",
            settings: new Dictionary<string, string?> { ["Email:Outbox:DispatcherEnabled"] = "true" });
        var client = development.CreateClient();
        await client.PostAsync("/api/v1/auth/register", new StringContent(
            """{"email":"dev@example.com","password":"long enough","displayName":"Dev"}""", System.Text.Encoding.UTF8, "application/json"));
        System.Text.Json.JsonElement listed = default;
        await Wait.UntilAsync(async () =>
        {
            var mail = await client.GetAsync("/dev/mail");
            await mail.ShouldBe(200);
            listed = await mail.Json();
            return listed.GetArrayLength() > 0;
        }, describe: () => "The verification email never reached /dev/mail.");
        var first = listed[0];
        Assert.Equal("dev@example.com", first.GetProperty("to").GetString());
        Assert.Contains("verify-email?token=", first.GetProperty("body").GetString());
        Assert.True(first.TryGetProperty("subject", out _));
        Assert.True(first.TryGetProperty("sentAt", out _));
    }
}
