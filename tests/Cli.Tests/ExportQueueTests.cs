using IaGenify.Application.Exports.Ports;
using IaGenify.Cli.Hosting;
using IaGenify.Cli.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Cli.Tests;

/// <summary>
/// The export queue under contention, through the services the CLI builds (no background worker runs there):
/// replicas claiming at the same moment never get the same export.
/// </summary>
public sealed class ExportQueueTests(CliFixture fixture) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task Concurrent_claims_take_each_queued_export_exactly_once()
    {
        var email = $"queue-{Guid.NewGuid():N}@example.com";
        Assert.Equal(0, (await fixture.RunAsync("seed-demo", "--email", email, "--password", "correct horse battery")).ExitCode);
        var workspaceId = (Guid)(await fixture.ScalarAsync(
            "SELECT m.workspace_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = @email", ("email", email)))!;
        // Several exports of one workspace cannot be queued through the API; the queue itself does not care.
        await fixture.ScalarAsync("DROP INDEX ix_exports_workspace_id_active");
        var queued = Enumerable.Range(0, 20).Select(_ => Guid.CreateVersion7()).ToList();
        foreach (var id in queued)
            await fixture.ScalarAsync("INSERT INTO exports (id, workspace_id, status, attempts, created_at) VALUES (@id, @workspace, 'Queued', 0, now())",
                ("id", id), ("workspace", workspaceId));

        using var host = CliHost.Build(fixture.ConnectionString, null);
        var queue = host.Services.GetRequiredService<IExportQueue>();
        var claims = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while (await queue.ClaimNextAsync(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10), CancellationToken.None) is { } claimed)
                mine.Add(claimed.Id);
            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(queued.Order(), all.Order());
        Assert.Equal(20L, await fixture.ScalarAsync("SELECT count(*) FROM exports WHERE status = 'Running' AND attempts = 1"));
    }
}
