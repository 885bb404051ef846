using System.Text;
using System.Text.RegularExpressions;
using IaGenify.Api.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Workspaces;

/// <summary>
/// Every route under /api/v1/workspaces/{workspaceId} is discovered from the running API and called by a user
/// of another workspace: each must answer 404, so no module can leak that another tenant's objects exist.
/// </summary>
public sealed partial class TenancyTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string WorkspacePrefix = "/api/v1/workspaces/{workspaceId:guid}";

    public static IEnumerable<(string Method, string Pattern)> WorkspaceRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(WorkspacePrefix, StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct()
            .OrderBy(r => r.Item2).ThenBy(r => r.Item1);

    [Fact]
    public async Task Every_workspace_route_answers_404_to_another_tenant()
    {
        var victim = await CreateTeamAsync();
        var attacker = await RegisterAsync();
        await CreateWorkspaceAsync(attacker, "Attacker's own");
        var routes = WorkspaceRoutes(Factory.Services).ToList();
        Assert.True(routes.Count >= 11, $"Only {routes.Count} workspace routes were discovered.");
        Assert.Contains(routes, r => r.Pattern.Contains("/mailbox/threads/{threadId:guid}/replies", StringComparison.Ordinal));

        var failures = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            var response = await attacker.Client.SendAsync(RequestFor(method, pattern, victim.WorkspaceId, victim.Owner.Id));
            if ((int)response.StatusCode != 404)
                failures.Add($"{method} {pattern} -> {(int)response.StatusCode}");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_workspace_route_answers_404_for_a_workspace_that_does_not_exist()
    {
        var user = await RegisterAsync();
        var failures = new List<string>();
        foreach (var (method, pattern) in WorkspaceRoutes(Factory.Services))
        {
            var response = await user.Client.SendAsync(RequestFor(method, pattern, Guid.NewGuid(), user.Id));
            if ((int)response.StatusCode != 404)
                failures.Add($"{method} {pattern} -> {(int)response.StatusCode}");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Another_tenant_gets_404_even_with_real_ids_of_the_victim()
    {
        var victim = await CreateTeamAsync();
        var invitation = await (await victim.Owner.Client.PostAsync($"/api/v1/workspaces/{victim.WorkspaceId}/invitations",
            Json("""{"email":"x@example.com","role":"viewer"}"""))).Json();
        var attacker = await RegisterAsync();

        await (await attacker.Client.DeleteAsync(
            $"/api/v1/workspaces/{victim.WorkspaceId}/invitations/{invitation.GetProperty("id").GetGuid()}")).ShouldBeProblem(404, "not_found");
        await (await attacker.Client.DeleteAsync(
            $"/api/v1/workspaces/{victim.WorkspaceId}/members/{victim.Member.Id}")).ShouldBeProblem(404, "not_found");
        await (await victim.Owner.Client.GetAsync($"/api/v1/workspaces/{victim.WorkspaceId}/members")).ShouldBe(200);
    }

    private static HttpRequestMessage RequestFor(string method, string pattern, Guid workspaceId, Guid someUserId)
    {
        var path = pattern.Replace("{workspaceId:guid}", workspaceId.ToString());
        path = RouteParameter().Replace(path, m => m.Value.StartsWith("{*", StringComparison.Ordinal) ? "index" : Guid.NewGuid().ToString());
        path = path.Replace(Guid.Empty.ToString(), someUserId.ToString());
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = Json("{}");
        return request;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
