using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Audit;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Webhooks;
using IaGenify.Domain.Webhooks;
using Npgsql;

namespace IaGenify.Api.Tests.Webhooks;

public sealed class WebhookEndpointTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Url = "https://hooks.example.com/iagenify";

    [Fact]
    public async Task An_admin_registers_an_endpoint_and_sees_the_secret_only_once()
    {
        var team = await CreateTeamAsync();
        var endpoints = WebhookApi.Endpoints(team.WorkspaceId);

        var response = await team.Admin.Client.PostAsJsonAsync(endpoints,
            new { url = Url, description = " Orders system ", eventTypes = new[] { "member.joined", "credits.low", "member.joined" } });

        await response.ShouldBe(201);
        var created = await response.ReadAsync<WebhookEndpointDto>();
        var id = created.Id;
        Assert.Equal($"{endpoints}/{id}", response.Headers.Location?.ToString());
        Assert.Equal(Url, created.Url);
        Assert.Equal("Orders system", created.Description);
        Assert.Equal(["member.joined", "credits.low"], created.EventTypes);
        Assert.True(created.Enabled);
        var secret = created.Secret!;
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);

        // Absence on the wire is the point here, so these two read raw JSON.
        var fetched = await team.Admin.Client.GetAsync($"{endpoints}/{id}");
        await fetched.ShouldBe(200);
        Assert.False((await fetched.Json()).TryGetProperty("secret", out _));
        var listed = await (await team.Owner.Client.GetAsync(endpoints)).Json();
        var item = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.False(item.TryGetProperty("secret", out _));
        Assert.Equal(id, item.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_secret_is_stored_encrypted()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var secret = (await owner.CreateEndpointAsync(workspaceId, Url, "member.joined")).Secret!;

        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT protected_secret FROM webhook_endpoints", connection);
        var stored = (string)(await command.ExecuteScalarAsync())!;

        Assert.StartsWith("v1.", stored);
        Assert.DoesNotContain(secret["whsec_".Length..], stored);
    }

    [Fact]
    public async Task An_endpoint_is_updated_rotated_and_deleted_and_each_change_is_audited()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var created = await owner.CreateEndpointAsync(workspaceId, Url, "member.joined");
        var id = created.Id;
        var endpoint = $"{WebhookApi.Endpoints(workspaceId)}/{id}";

        var patched = await (await owner.Client.PatchAsJsonAsync(endpoint,
            new { url = "https://other.example.com/hook", description = "", eventTypes = new[] { "billing.updated" }, enabled = false })).ReadAsync<WebhookEndpointDto>();
        Assert.Equal("https://other.example.com/hook", patched.Url);
        Assert.Null(patched.Description);
        Assert.Equal(["billing.updated"], patched.EventTypes);
        Assert.False(patched.Enabled);
        Assert.Equal(WebhookDisabledReason.Manual, patched.DisabledReason);

        var rotate = await owner.Client.PostAsync($"{endpoint}/rotate-secret", null);
        await rotate.ShouldBe(200);
        var rotated = (await rotate.ReadAsync<WebhookEndpointDto>()).Secret;
        Assert.StartsWith("whsec_", rotated);
        Assert.NotEqual(created.Secret, rotated);

        await (await owner.Client.DeleteAsync(endpoint)).ShouldBe(204);
        await (await owner.Client.GetAsync(endpoint)).ShouldBeProblem(404, "not_found");
        await (await owner.Client.GetAsync($"{endpoint}/deliveries")).ShouldBeProblem(404, "not_found");

        var audit = await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/audit-log")).ReadAsync<CursorPage<AuditEntryDto>>();
        var actions = audit.Items.Where(e => e.TargetId == id.ToString()).Select(e => e.Action).Reverse();
        Assert.Equal(["webhook_endpoint.created", "webhook_endpoint.updated", "webhook_endpoint.secret_rotated", "webhook_endpoint.deleted"], actions);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1/")]
    [InlineData("https://[fd00:ec2::254]/")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("http://0.0.0.0:8080/")]
    [InlineData("https://224.0.0.1/")]
    [InlineData("ftp://hooks.example.com/")]
    [InlineData("not a url")]
    [InlineData("https://user:password@hooks.example.com/")]
    public async Task Registration_refuses_urls_that_are_never_allowed(string url)
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        var response = await owner.Client.PostAsJsonAsync(WebhookApi.Endpoints(workspaceId), new { url, eventTypes = new[] { "member.joined" } });

        var problem = await response.ShouldBeProblem(400, "validation_failed");
        Assert.Equal(["url"], problem.ErrorFields());
    }

    [Fact]
    public async Task Updating_to_a_refused_url_is_refused_too()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var id = (await owner.CreateEndpointAsync(workspaceId, Url, "member.joined")).Id;

        var response = await owner.Client.PatchAsJsonAsync($"{WebhookApi.Endpoints(workspaceId)}/{id}", new { url = "http://169.254.169.254/" });

        Assert.Equal(["url"], (await response.ShouldBeProblem(400, "validation_failed")).ErrorFields());
        Assert.Equal(Url, (await owner.GetEndpointAsync(workspaceId, id)).Url);
    }

    [Theory]
    [InlineData("""{"url":"https://hooks.example.com/"}""", "eventTypes")]
    [InlineData("""{"url":"https://hooks.example.com/","eventTypes":[]}""", "eventTypes")]
    [InlineData("""{"url":"https://hooks.example.com/","eventTypes":["member.joined","order.shipped"]}""", "eventTypes")]
    [InlineData("""{"url":"https://hooks.example.com/","eventTypes":["webhook.test"]}""", "eventTypes")]
    [InlineData("""{"eventTypes":["member.joined"]}""", "url")]
    [InlineData("""{"url":"https://hooks.example.com/","eventTypes":"member.joined"}""", "eventTypes")]
    public async Task Invalid_registrations_name_the_field(string body, string field)
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        var response = await owner.Client.PostAsync(WebhookApi.Endpoints(workspaceId),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(field, (await response.ShouldBeProblem(400)).ErrorFields());
    }

    [Fact]
    public async Task A_workspace_has_at_most_twenty_endpoints()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        for (var i = 0; i < 20; i++)
            await owner.CreateEndpointAsync(workspaceId, $"{Url}/{i}", "member.joined");

        var response = await owner.Client.PostAsJsonAsync(WebhookApi.Endpoints(workspaceId), new { url = Url, eventTypes = new[] { "member.joined" } });

        await response.ShouldBeProblem(409, "webhook_endpoint.limit");
    }

    [Theory]
    [InlineData("member")]
    [InlineData("viewer")]
    public async Task Members_and_viewers_cannot_manage_webhooks(string role)
    {
        var team = await CreateTeamAsync();
        var id = (await team.Admin.CreateEndpointAsync(team.WorkspaceId, Url, "member.joined")).Id;
        var endpoints = WebhookApi.Endpoints(team.WorkspaceId);
        var client = team.ByRole(role).Client;

        await (await client.PostAsJsonAsync(endpoints, new { url = Url, eventTypes = new[] { "member.joined" } })).ShouldBeProblem(403, "permission_denied");
        await (await client.GetAsync(endpoints)).ShouldBeProblem(403);
        await (await client.GetAsync($"{endpoints}/{id}/deliveries")).ShouldBeProblem(403);
        await (await client.PostAsync($"{endpoints}/{id}/rotate-secret", null)).ShouldBeProblem(403);
        await (await client.DeleteAsync($"{endpoints}/{id}")).ShouldBeProblem(403);
    }

    [Fact]
    public async Task Another_tenant_gets_404_for_real_endpoint_ids()
    {
        var victim = await RegisterAsync();
        var victimWorkspace = await CreateWorkspaceAsync(victim);
        var id = (await victim.CreateEndpointAsync(victimWorkspace, Url, "member.joined")).Id;
        var attacker = await RegisterAsync();
        var attackerWorkspace = await CreateWorkspaceAsync(attacker, "Attacker's own");

        await (await attacker.Client.GetAsync($"{WebhookApi.Endpoints(victimWorkspace)}/{id}")).ShouldBeProblem(404, "not_found");
        await (await attacker.Client.PostAsync($"{WebhookApi.Endpoints(victimWorkspace)}/{id}/rotate-secret", null)).ShouldBeProblem(404, "not_found");
        // Their own workspace id with the victim's endpoint id: the endpoint is not theirs.
        await (await attacker.Client.GetAsync($"{WebhookApi.Endpoints(attackerWorkspace)}/{id}")).ShouldBeProblem(404, "not_found");
        await (await attacker.Client.DeleteAsync($"{WebhookApi.Endpoints(attackerWorkspace)}/{id}")).ShouldBeProblem(404, "not_found");
        await (await attacker.Client.PostAsync($"{WebhookApi.Endpoints(attackerWorkspace)}/{id}/test", null)).ShouldBeProblem(404, "not_found");
        await (await attacker.Client.GetAsync($"{WebhookApi.Endpoints(attackerWorkspace)}/{id}/deliveries")).ShouldBeProblem(404, "not_found");
        await victim.GetEndpointAsync(victimWorkspace, id);
    }
}
