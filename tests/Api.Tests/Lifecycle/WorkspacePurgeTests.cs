using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Workspaces.Purge;
using Microsoft.Extensions.DependencyInjection;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Workspaces;

namespace IaGenify.Api.Tests.Lifecycle;

public sealed class WorkspacePurgeTests(ApiFixture fixture) : LifecycleTest(fixture)
{
    private Task<WorkspacePurgeResult> SweepAsync() =>
        Factory.Services.GetRequiredService<WorkspacePurger>().PurgeDueAsync(CancellationToken.None);

    [Fact]
    public async Task A_deleted_workspace_is_restorable_then_purged_once_the_window_has_passed()
    {
        var team = await CreateTeamAsync();
        var bystander = await CreateTeamAsync();
        var url = $"/api/v1/workspaces/{team.WorkspaceId}";
        await (await team.Owner.Client.PostAsJsonAsync($"{url}/invitations", new { email = "later@example.com", role = "viewer" })).ShouldBe(201);
        await ExportAsync(team.Admin, team.WorkspaceId);
        Assert.NotEmpty(Directory.EnumerateFiles(WorkspaceObjectsFolder(team.WorkspaceId), "*", SearchOption.AllDirectories));

        await (await team.Owner.Client.DeleteAsync(url)).ShouldBe(204);
        await (await team.Owner.Client.PostAsync($"{url}/restore", null)).ShouldBe(200);
        await (await team.Owner.Client.DeleteAsync(url)).ShouldBe(204);
        Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(new WorkspacePurgeResult(0, 0), await SweepAsync());

        Clock.Advance(TimeSpan.FromDays(2));
        var result = await SweepAsync();

        Assert.Equal(new WorkspacePurgeResult(1, 0), result);
        foreach (var table in new[] { "memberships", "invitations", "exports" })
            Assert.Equal(0, await CountAsync($"SELECT count(*) FROM {table} WHERE workspace_id = @id", ("id", team.WorkspaceId)));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM workspaces WHERE id = @id", ("id", team.WorkspaceId)));
        Assert.False(Directory.Exists(WorkspaceObjectsFolder(team.WorkspaceId)));
        // Only the purge record is left of the workspace's audit trail, and it names no person.
        Assert.Equal("workspace.purged", await ScalarAsync("SELECT string_agg(action, ',') FROM audit_entries WHERE workspace_id = @id", ("id", team.WorkspaceId)));
        Assert.Equal(1, await CountAsync("""
            SELECT count(*) FROM audit_entries
            WHERE workspace_id = @id AND actor_type = 'System' AND actor_id IS NULL AND ip_address IS NULL AND details::text NOT LIKE '%@%'
            """, ("id", team.WorkspaceId)));
        var mine = await (await team.Owner.Client.GetAsync("/api/v1/workspaces?includeDeleted=true")).ReadAsync<CursorPage<WorkspaceDto>>();
        Assert.Empty(mine.Items);
        await (await team.Owner.Client.PostAsync($"{url}/restore", null)).ShouldBeProblem(404);
        // Other tenants are untouched, users keep their accounts.
        await (await bystander.Member.Client.GetAsync($"/api/v1/workspaces/{bystander.WorkspaceId}/members")).ShouldBe(200);
        await (await team.Member.Client.GetAsync("/api/v1/me")).ShouldBe(200);
    }

    [Fact]
    public async Task A_purge_participant_failing_rolls_the_purge_back_and_the_next_sweep_retries()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await owner.Client.DeleteAsync($"/api/v1/workspaces/{workspaceId}");
        Clock.Advance(TimeSpan.FromDays(31));
        var participant = new FailingParticipant();
        await using var factory = Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddScoped<IWorkspacePurgeParticipant>(_ => participant)));

        var failed = await factory.Services.GetRequiredService<WorkspacePurger>().PurgeDueAsync(CancellationToken.None);
        participant.Fail = false;
        var retried = await factory.Services.GetRequiredService<WorkspacePurger>().PurgeDueAsync(CancellationToken.None);

        Assert.Equal(new WorkspacePurgeResult(0, 1), failed);
        Assert.Equal(new WorkspacePurgeResult(1, 0), retried);
        Assert.Equal([workspaceId, workspaceId], participant.Seen);
    }

    /// <summary>Stands for a module (the credit ledger) that keeps records before the rows go.</summary>
    private sealed class FailingParticipant : IWorkspacePurgeParticipant
    {
        public bool Fail { get; set; } = true;
        public List<Guid> Seen { get; } = [];

        public Task BeforePurgeAsync(Guid workspaceId, CancellationToken cancellationToken)
        {
            Seen.Add(workspaceId);
            return Fail ? throw new InvalidOperationException("ledger unavailable") : Task.CompletedTask;
        }
    }
}
