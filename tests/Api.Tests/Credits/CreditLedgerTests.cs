using IaGenify.Api.Tests.Support;
using IaGenify.Application.Credits.Ports;
using IaGenify.Domain.Common;
using IaGenify.Domain.Credits;
using IaGenify.Infrastructure.Credits;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Credits;

/// <summary>The ledger port against real PostgreSQL, under concurrency.</summary>
public sealed class CreditLedgerTests(ApiFixture fixture) : ApiTest(fixture)
{
    private LedgerDriver Ledger => new(Factory.Services);

    private async Task<Guid> WorkspaceWithCreditsAsync(long credits)
    {
        var workspaceId = Guid.CreateVersion7();
        await Ledger.RunAsync(l => l.GrantAsync(workspaceId, new CreditGrantRequest(GrantSource.Purchase, credits), $"seed:{workspaceId}", default));
        return workspaceId;
    }

    /// <summary>The account's totals, after checking that the ledger rebuilds them exactly.</summary>
    private async Task<(long Balance, long Reserved)> TotalsAsync(Guid workspaceId)
    {
        var report = await Ledger.ReconcileAsync(workspaceId);
        Assert.True(report.IsBalanced, string.Join("; ", report.Discrepancies));
        using var scope = Factory.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<AppDbContext>().CreditAccounts
            .IgnoreQueryFilters().SingleAsync(a => a.WorkspaceId == workspaceId);
        return (account.Balance, account.Reserved);
    }

    [Fact]
    public async Task Fifty_concurrent_reserves_against_twenty_credits_let_exactly_twenty_through()
    {
        var workspaceId = await WorkspaceWithCreditsAsync(20);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            try
            {
                await Ledger.RunAsync(l => l.ReserveAsync(workspaceId, "image.generate", 1, $"reserve:{i}", null, default));
                return true;
            }
            catch (InsufficientCreditsException)
            {
                return false;
            }
        }));

        Assert.Equal(20, attempts.Count(ok => ok));
        Assert.Equal((20, 20), await TotalsAsync(workspaceId));
    }

    [Fact]
    public async Task The_same_key_sent_ten_times_at_once_has_one_effect()
    {
        var workspaceId = await WorkspaceWithCreditsAsync(100);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Ledger.RunAsync(l => l.ReserveAsync(workspaceId, "website.generate", 20, "generation:42", null, default))));

        Assert.Single(results.Select(r => r.Value.Id).Distinct());
        Assert.Equal(1, results.Count(r => !r.Replayed));
        Assert.Equal((100, 20), await TotalsAsync(workspaceId));
    }

    [Fact]
    public async Task Capture_and_release_are_idempotent_and_resolve_a_hold_once()
    {
        var workspaceId = await WorkspaceWithCreditsAsync(100);
        var hold = (await Ledger.RunAsync(l => l.ReserveAsync(workspaceId, "website.generate", 20, "h", null, default))).Value;

        var captured = await Ledger.RunAsync(l => l.CaptureAsync(workspaceId, hold.Id, 15, "c", default));
        var retried = await Ledger.RunAsync(l => l.CaptureAsync(workspaceId, hold.Id, 15, "c", default));
        var again = await Ledger.RunAsync(l => l.CaptureAsync(workspaceId, hold.Id, 20, "c2", default));

        Assert.Equal((HoldStatus.Captured, 15L), (captured.Value.Status, captured.Value.Captured));
        Assert.True(retried.Replayed);
        Assert.Equal(15, again.Value.Captured);
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => Ledger.RunAsync(l => l.ReleaseAsync(workspaceId, hold.Id, "r", default)));
        Assert.Equal("hold.captured", error.Code);
        Assert.Equal((85, 0), await TotalsAsync(workspaceId));
    }

    [Fact]
    public async Task A_hold_past_its_ttl_is_expired_by_the_sweep_and_cannot_be_captured()
    {
        var workspaceId = await WorkspaceWithCreditsAsync(50);
        var hold = (await Ledger.RunAsync(l => l.ReserveAsync(workspaceId, "image.generate", 30, "h", null, default))).Value;
        Clock.Advance(TimeSpan.FromMinutes(31));

        await Factory.Services.GetRequiredService<CreditExpirySweep>().RunOnceAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => Ledger.RunAsync(l => l.CaptureAsync(workspaceId, hold.Id, 30, "c", default)));
        Assert.Equal("hold.expired", error.Code);
        Assert.Equal((50, 0), await TotalsAsync(workspaceId));
    }

    [Fact]
    public async Task A_thousand_random_operations_across_workspaces_reconcile_without_difference()
    {
        var workspaces = new List<Guid>();
        for (var i = 0; i < 5; i++)
            workspaces.Add(await WorkspaceWithCreditsAsync(200));
        var holds = workspaces.ToDictionary(w => w, _ => new List<Guid>());
        var gate = new Lock();

        // Four callers at once, each with its own fixed seed: 4 x 250 = 1,000 operations.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var random = new Random(1000 + worker);
            for (var i = 0; i < 250; i++)
            {
                var workspaceId = workspaces[random.Next(workspaces.Count)];
                var key = $"w{worker}-op{i}";
                Guid? hold;
                lock (gate)
                    hold = holds[workspaceId].Count > 0 ? holds[workspaceId][random.Next(holds[workspaceId].Count)] : null;
                try
                {
                    switch (random.Next(6))
                    {
                        case 0:
                            await Ledger.RunAsync(l => l.GrantAsync(workspaceId, new CreditGrantRequest(
                                (GrantSource)random.Next(1, 6), random.Next(1, 50), random.Next(4) == 0 ? DateTimeOffset.UtcNow.AddDays(1) : null), key, default));
                            break;
                        case 1 or 2:
                            var created = await Ledger.RunAsync(l => l.ReserveAsync(workspaceId, "op", random.Next(1, 40), key, null, default));
                            lock (gate)
                                holds[workspaceId].Add(created.Value.Id);
                            break;
                        case 3 when hold is not null:
                            await Ledger.RunAsync(l => l.CaptureAsync(workspaceId, hold.Value, random.Next(1, 5), key, default));
                            break;
                        case 4 when hold is not null:
                            await Ledger.RunAsync(l => l.ReleaseAsync(workspaceId, hold.Value, key, default));
                            break;
                        case 5:
                            await Ledger.RunAsync(l => l.DebitAsync(workspaceId, random.Next(1, 20), key, null, default));
                            break;
                    }
                }
                catch (InsufficientCreditsException)
                {
                }
                catch (BusinessRuleException ex) when (ex.Code is "hold.captured" or "hold.released" or "hold.capture_exceeds_hold")
                {
                }
            }
        })));

        var report = await Ledger.ReconcileAsync();
        Assert.True(report.IsBalanced, string.Join("; ", report.Discrepancies));
        Assert.True(report.WorkspacesChecked >= 5);
    }
}
