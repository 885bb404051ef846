using System.IO.Compression;
using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Endpoints;
using IaGenify.Application.Audit;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Exports.Processing;
using IaGenify.Domain.Exports;
using IaGenify.Domain.Workspaces;

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
        var accepted = await response.ReadAsync<ExportEndpoints.ExportAccepted>();
        Assert.Equal(ExportStatus.Queued, accepted.Status);
        var exportId = accepted.Id;
        Assert.EndsWith($"{ExportsUrl(team.WorkspaceId)}/{exportId}", response.Headers.Location!.ToString());

        var export = await WaitForExportAsync(team.Admin, team.WorkspaceId, exportId, ExportStatus.Succeeded);
        Assert.True(export.SizeBytes > 0);
        Assert.NotNull(export.CompletedAt);
        var download = await team.Admin.Client.GetAsync(export.DownloadUrl);

        await download.ShouldBe(200);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync());
        var files = zip.Entries.ToDictionary(e => e.FullName, Read);
        Assert.Equal(["analytics.csv", "assets.json", "assistant.json", "audit-log.json", "billing.json", "credits.json", "credits/entries.json", "generations.json", "invitations.json", "mailbox.json",
                "manifest.json", "members.json", "websites.json", "workspace.json"],
            files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("free", ExportArchive.Read<ArchivedBilling>(files["billing.json"]).Plan);

        Assert.Equal("Acme", ExportArchive.Read<ArchivedWorkspace>(files["workspace.json"]).Name);
        var members = ExportArchive.Read<List<ArchivedMember>>(files["members.json"]);
        Assert.Equal(4, members.Count);
        Assert.Contains(members, m => m.Email == team.Owner.Email.ToLowerInvariant() && m.Role == Role.Owner);
        var invitations = ExportArchive.Read<List<ArchivedInvitation>>(files["invitations.json"]);
        Assert.Contains(invitations, i => i.Email == "later@example.com" && i.Status == InvitationStatus.Pending);
        var audit = ExportArchive.Read<List<AuditEntryDto>>(files["audit-log.json"]);
        Assert.Contains(audit, e => e.Action == "export.requested");
        var manifest = ExportArchive.Read<ExportManifest>(files["manifest.json"]);
        Assert.Equal(exportId, manifest.ExportId);

        // No credential of any kind, whatever its property name.
        var everything = string.Concat(files.Values);
        Assert.DoesNotContain("password", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tokenHash", everything, StringComparison.OrdinalIgnoreCase);
        foreach (var secret in await SecretsAsync())
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);

        var log = await (await team.Owner.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/audit-log?action=export.downloaded"))
            .ReadAsync<CursorPage<AuditEntryDto>>();
        Assert.Single(log.Items);
    }

    [Fact]
    public async Task Exports_are_listed_newest_first()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var first = await ExportAsync(owner, workspaceId);
        var second = await ExportAsync(owner, workspaceId);

        var list = await (await owner.Client.GetAsync(ExportsUrl(workspaceId))).ReadAsync<CursorPage<ExportEndpoints.ExportResponse>>();

        Assert.Equal([second.Id, first.Id], list.Items.Select(e => e.Id));
    }

    [Theory]
    [InlineData("member")]
    [InlineData("viewer")]
    public async Task Below_admin_exporting_is_403(string role)
    {
        var team = await CreateTeamAsync();
        var export = await ExportAsync(team.Admin, team.WorkspaceId);
        var caller = team.ByRole(role).Client;
        var url = $"{ExportsUrl(team.WorkspaceId)}/{export.Id}";

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
        var url = $"{ExportsUrl(team.WorkspaceId)}/{export.Id}";

        await (await attacker.Client.GetAsync(url)).ShouldBeProblem(404, "not_found");
        await (await attacker.Client.GetAsync($"{url}/download")).ShouldBeProblem(404, "not_found");
        // Nor through the attacker's own workspace: exports are looked up within the route's workspace.
        var own = await CreateWorkspaceAsync(attacker);
        await (await attacker.Client.GetAsync($"{ExportsUrl(own)}/{export.Id}/download")).ShouldBeProblem(404, "not_found");
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
        var export = await (await owner.Client.GetAsync($"{ExportsUrl(workspaceId)}/{exportId}")).ReadAsync<ExportEndpoints.ExportResponse>();
        Assert.Null(export.DownloadUrl);
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

        var export = await WaitForExportAsync(owner, workspaceId, exportId, ExportStatus.Succeeded);

        Assert.Equal(2L, await CountAsync("SELECT attempts FROM exports WHERE id = @id", ("id", exportId)));
        Assert.NotNull(export.DownloadUrl);
    }

    [Fact]
    public async Task An_archive_expires_after_its_retention_and_is_deleted()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var export = await ExportAsync(owner, workspaceId);
        var exportId = export.Id;
        Assert.True(Directory.EnumerateFiles(WorkspaceObjectsFolder(workspaceId), "*.zip", SearchOption.AllDirectories).Any());

        Clock.Advance(TimeSpan.FromDays(8));
        await WaitForExportAsync(owner, workspaceId, exportId, ExportStatus.Expired);

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
