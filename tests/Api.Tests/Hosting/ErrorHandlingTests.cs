using System.Net.Http.Json;
using System.Text;
using IaGenify.Api.Tests.Support;

namespace IaGenify.Api.Tests.Hosting;

public sealed class ErrorHandlingTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static StringContent Raw(string body, string mediaType = "application/json") => new(body, Encoding.UTF8, mediaType);

    [Theory]
    [InlineData("{\"email\":")]
    [InlineData("{not json}")]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    public async Task Malformed_json_is_400_with_an_errors_map(string body)
    {
        var response = await Anonymous().PostAsync("/api/v1/auth/login", Raw(body));
        var problem = await response.ShouldBeProblem(400, "validation_failed");
        Assert.NotEmpty(problem.ErrorFields());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_the_field()
    {
        var response = await Anonymous().PostAsync("/api/v1/auth/register", Raw("""{"email":42,"password":"x","displayName":"y"}"""));
        Assert.Equal(["email"], (await response.ShouldBeProblem(400)).ErrorFields());
    }

    [Fact]
    public async Task A_missing_body_is_400()
    {
        var response = await Anonymous().PostAsync("/api/v1/auth/login", Raw(""));
        await response.ShouldBeProblem(400);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var response = await Anonymous().PostAsync("/api/v1/auth/login", Raw("email=a", "text/plain"));
        await response.ShouldBeProblem(415, "unsupported_media_type");
    }

    [Fact]
    public async Task A_json_body_in_a_charset_nobody_knows_is_415_on_every_route()
    {
        var user = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(user);
        foreach (var (client, url) in new[] { (Anonymous(), "/api/v1/auth/login"), (user.Client, $"/api/v1/workspaces/{workspaceId}") })
        {
            var content = Raw("""{"name":"x"}""");
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=no-such-charset");
            var request = new HttpRequestMessage(client == user.Client ? HttpMethod.Patch : HttpMethod.Post, url) { Content = content };
            await (await client.SendAsync(request)).ShouldBeProblem(415, "unsupported_media_type");
        }
        // A charset .NET can decode is read as such.
        var latin1 = new StringContent("""{"name":"Café"}""", Encoding.Latin1, "application/json");
        var renamed = await user.Client.PatchAsync($"/api/v1/workspaces/{workspaceId}", latin1);
        await renamed.ShouldBe(200);
        Assert.Contains("Café", await renamed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_413()
    {
        var huge = new string('a', 1_100_000);
        var response = await Anonymous().PostAsync("/api/v1/auth/login", Raw($$"""{"email":"{{huge}}","password":"x"}"""));
        await response.ShouldBeProblem(413, "body_too_large");
    }

    [Fact]
    public async Task Unknown_routes_and_bad_ids_are_404_problems()
    {
        var user = await RegisterAsync();
        await (await user.Client.GetAsync("/api/v1/no-such-thing")).ShouldBeProblem(404, "not_found");
        await (await user.Client.GetAsync("/api/v1/workspaces/not-a-guid")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task A_wrong_method_is_405()
    {
        await (await Anonymous().GetAsync("/api/v1/auth/login")).ShouldBeProblem(405, "method_not_allowed");
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=ten")]
    [InlineData("cursor=garbage")]
    [InlineData("includeDeleted=maybe")]
    public async Task Bad_paging_parameters_are_400(string query)
    {
        var user = await RegisterAsync();
        var response = await user.Client.GetAsync($"/api/v1/workspaces?{query}");
        var field = query.Split('=')[0];
        Assert.Contains(field, (await response.ShouldBeProblem(400)).ErrorFields());
    }

    [Fact]
    public async Task Auth_endpoints_are_rate_limited_per_client_with_retry_after()
    {
        await using var strict = new ApiFactory(Fixture.ConnectionString,
            settings: new Dictionary<string, string?> { ["RateLimits:Auth:PermitLimit"] = "2" });
        var client = strict.CreateClient();
        for (var i = 0; i < 2; i++)
            await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "a@example.com", password = "whatever1" })).ShouldBe(401);

        var limited = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "a@example.com", password = "whatever1" });

        await limited.ShouldBeProblem(429, "rate_limited");
        Assert.NotNull(limited.Headers.RetryAfter);
    }
}
