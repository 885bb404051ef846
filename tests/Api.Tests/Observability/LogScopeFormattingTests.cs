using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;

namespace IaGenify.Api.Tests.Observability;

/// <summary>
/// Scopes as the simple console formatter prints them (Development): named values, not a collection's type name.
/// The console is process-wide, so this class runs in the API collection, one test at a time.
/// </summary>
public sealed class LogScopeFormattingTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_console_shows_the_request_scopes_as_names_and_values()
    {
        var original = Console.Out;
        var captured = new StringWriter();
        try
        {
            Console.SetOut(captured);
            await using (var development = new ApiFactory(Fixture.ConnectionString, environment: "Development",
                             settings: new Dictionary<string, string?> { ["Logging:LogLevel:IaGenify"] = "Debug" }))
            {
                var client = development.CreateClient();
                client.DefaultRequestHeaders.Add("X-Correlation-Id", "scope-test-42");
                await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = "wrong password" }))
                    .ShouldBe(401);
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        var output = captured.ToString();
        Assert.Contains("CorrelationId=scope-test-42", output);
        Assert.Contains("Request=Login, PrincipalKind=Anonymous", output);
        Assert.DoesNotContain("System.Collections.Generic", output);
    }
}
