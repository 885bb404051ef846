using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using IaGenify.Api.Tests.Support;

namespace IaGenify.Api.Tests.Lifecycle;

public sealed class ExportTests(ApiFixture fixture) : LifecycleTest(fixture)
{
    [Fact]
    public async Task An_admin_exports_the_workspace_and_downloads_a_zip_without_secrets()
    {
        var team = await CreateTeamAsync();
        var invite = await team.Owner.Client.PostAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/invitations",
            new { email = "later@example.com", role = "viewer" });
        await invite.ShouldBe(201);

        var response = await team.Admin.Client.PostAsync(ExportsUrl(team.WorkspaceId), null);
        await response.ShouldBe(202);
        var accepted = await response.Json();
        Assert.Equal("queued", accepted.GetProperty("status").GetString());
        var exportId = accepted.GetProperty("id").GetGuid();
        Assert.EndsWith($"{ExportsUrl(team.WorkspaceId)}/{exportId}", response.Headers.Location!.ToString());

        var export = await WaitForExportAsync(team.Admin, team.WorkspaceId, exportId, "succeeded");
        Assert.True(export.GetProperty("sizeBytes").GetInt64() > 0);
        Assert.NotEqual(JsonValueKind.Null, export.GetProperty("completedAt").ValueKind);
        var download = await team.Admin.Client.GetAsync(export.GetProperty("downloadUrl").GetString());

        await download.ShouldBe(200);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync());
        var files = zip.Entries.ToDictionary(e => e.FullName, Read);
        Assert.Equal(["analytics.csv", "assets.json", "assistant.json", "audit-log.json", "billing.json", "credits.json", "credits/entries.json", "generations.json", "invitations.json", "mailbox.json",
                "manifest.json", "members.json", "websites.json", "workspace.json"],
            files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("free", JsonDocument.Parse(files["billing.json"]).RootElement.GetProperty("plan").GetString());

        Assert.Equal("Acme", JsonDocument.Parse(files["workspace.json"]).RootElement.GetProperty("name").GetString());
        var members = JsonDocument.Parse(files["members.json"]).RootElement;
        Assert.Equal(4, members.GetArrayLength());
        Assert.Contains(members.EnumerateArray(), m => m.GetProperty("email").GetString() == team.Owner.Email.ToLowerInvariant()
            && m.GetProperty("role").GetString() == "owner");
        var invitations = JsonDocument.Parse(files["invitations.json"]).RootElement;
        Assert.Contains(invitations.EnumerateArray(), i => i.GetProperty("email").GetString() == "later@example.com"
            && i.GetProperty("status").GetString() == "pending");
        var audit = JsonDocument.Parse(files["audit-log.json"]).RootElement;
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "export.requested");
        var manifest = JsonDocument.Parse(files["manifest.json"]).RootElement;
        Assert.Equal(exportId, manifest.GetProperty("exportId").GetGuid());

        // No credential of any kind, whatever its property name.
        var everything = string.Concat(files.Values);
        Assert.DoesNotContain("password", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tokenHash", everything, StringComparison.OrdinalIgnoreCase);
        foreach (var secret in await SecretsAsync())
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);

        var log = await (await team.Owner.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/audit-log?action=export.downloaded")).Json();
        Assert.Equal(1, log.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Exports_are_listed_newest_first()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var first = await ExportAsync(owner, workspaceId);
        var second = await ExportAsync(owner, workspaceId);

        var list = await (await owner.Client.GetAsync(ExportsUrl(workspaceId))).Json();

        Assert.Equal([second.GetProperty("id").GetGuid(), first.GetProperty("id").GetGuid()],
            list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
    }

    [Theory]
    [InlineData("member")]
    [InlineData("viewer")]
    public async Task Below_admin_exporting_is_403(string role)
    {
        var team = await CreateTeamAsync();
        var export = await ExportAsync(team.Admin, team.WorkspaceId);
        var caller = team.ByRole(role).Client;
        var url = $"{ExportsUrl(team.WorkspaceId)}/{export.GetProperty("id").GetGuid()}";

        await (await caller.PostAsync(ExportsUrl(team.WorkspaceId), null)).ShouldBeProblem(403, "permission_denied");
        await (await caller.GetAsync(ExportsUrl(team.WorkspaceId))).ShouldBeProblem(403, "permission_denied");
        await (await caller.GetAsync(url)).ShouldBeProblem(403, "permission_denied");
        await (await caller.GetAsync($"{url}/download")).ShouldBeProblem(403, "permission_denied");
    }

    [Fact]
    public async Task Another_tenant_gets_404_for_a_real_export()
    {
        var team = await CreateTeamAsync();
        var export = await ExportAsync(team.Admin, team.WorkspaceId);
        var attacker = await RegisterAsync();
        var url = $"{ExportsUrl(team.WorkspaceId)}/{export.GetProperty("id").GetGuid()}";

        await (await attacker.Client.GetAsync(url)).ShouldBeProblem(404, "not_found");
        await (await attacker.Client.GetAsync($"{url}/download")).ShouldBeProblem(404, "not_found");
        // Nor through the attacker's own workspace: exports are looked up within the route's workspace.
        var own = await CreateWorkspaceAsync(attacker);
        await (await attacker.Client.GetAsync($"{ExportsUrl(own)}/{export.GetProperty("id").GetGuid()}/download")).ShouldBeProblem(404, "not_found");
    }

    [Fact]
    public async Task An_export_still_running_cannot_be_downloaded_nor_requested_again()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        // Held by a worker whose lease runs for another hour.
        var exportId = Guid.CreateVersion7();
        await ExecuteAsync("""
            INSERT INTO exports (id, workspace_id, status, attempts, created_at, started_at, lease_expires_at)
            VALUES (@id, @workspace, 'Running', 1, now(), now(), now() + interval '1 hour')
            """, ("id", exportId), ("workspace", workspaceId));

        await (await owner.Client.GetAsync($"{ExportsUrl(workspaceId)}/{exportId}/download")).ShouldBeProblem(409, "export.not_ready");
        await (await owner.Client.PostAsync(ExportsUrl(workspaceId), null)).ShouldBeProblem(409, "export.in_progress");
        var export = await (await owner.Client.GetAsync($"{ExportsUrl(workspaceId)}/{exportId}")).Json();
        Assert.Equal(JsonValueKind.Null, export.GetProperty("downloadUrl").ValueKind);
    }

    [Fact]
    public async Task An_export_whose_worker_died_is_taken_over_when_its_lease_runs_out()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var exportId = Guid.CreateVersion7();
        await ExecuteAsync("""
            INSERT INTO exports (id, workspace_id, status, attempts, created_at, started_at, lease_expires_at)
            VALUES (@id, @workspace, 'Running', 1, now(), now(), now() - interval '1 minute')
            """, ("id", exportId), ("workspace", workspaceId));

        var export = await WaitForExportAsync(owner, workspaceId, exportId, "succeeded");

        Assert.Equal(2L, await CountAsync("SELECT attempts FROM exports WHERE id = @id", ("id", exportId)));
        Assert.NotEqual(JsonValueKind.Null, export.GetProperty("downloadUrl").ValueKind);
    }

    [Fact]
    public async Task An_archive_expires_after_its_retention_and_is_deleted()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var export = await ExportAsync(owner, workspaceId);
        var exportId = export.GetProperty("id").GetGuid();
        Assert.True(Directory.EnumerateFiles(WorkspaceObjectsFolder(workspaceId), "*.zip", SearchOption.AllDirectories).Any());

        Clock.Advance(TimeSpan.FromDays(8));
        await WaitForExportAsync(owner, workspaceId, exportId, "expired");

        await (await owner.Client.GetAsync($"{ExportsUrl(workspaceId)}/{exportId}/download")).ShouldBeProblem(409, "export.expired");
        Assert.Empty(Directory.EnumerateFiles(WorkspaceObjectsFolder(workspaceId), "*", SearchOption.AllDirectories));
    }

    private async Task<List<string>> SecretsAsync()
    {
        var secrets = new List<string>();
        await using var connection = new Npgsql.NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT password_hash FROM users UNION ALL SELECT token_hash FROM invitations UNION ALL SELECT token_hash FROM refresh_tokens", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            secrets.Add(reader.GetString(0));
        Assert.NotEmpty(secrets);
        return secrets;
    }

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
