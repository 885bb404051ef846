using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Credits.Ports;
using IaGenify.Domain.Credits;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Benchmarks;

/// <summary>
/// Reserve + capture pairs through the ledger port (each its own transaction, as a generation does them), with 32
/// concurrent callers on one hot workspace and on 32 workspaces. Afterwards every account must reconcile and equal
/// its grants minus exactly what the callers captured.
/// </summary>
internal static class CreditBenchmark
{
    private const long Funding = 1_000_000_000;

    public static async Task<IReadOnlyList<Measurement.Result>> RunAsync(IServiceProvider services, int callers, TimeSpan duration)
    {
        var hot = Guid.CreateVersion7();
        await FundAsync(services, hot);
        var spread = Enumerable.Range(0, callers).Select(_ => Guid.CreateVersion7()).ToArray();
        foreach (var workspace in spread)
            await FundAsync(services, workspace);

        var results = new List<Measurement.Result>();
        foreach (var (name, workspaceOf) in new (string, Func<int, Guid>)[]
                 {
                     ("one hot workspace", _ => hot),
                     ($"{callers} workspaces", caller => spread[caller]),
                 })
        {
            var captured = new long[callers];
            // Warm-up: connection pool, compiled queries, JIT.
            await Measurement.RunAsync("warm-up", callers, TimeSpan.FromSeconds(1), (caller, i) => PairAsync(services, workspaceOf(caller), $"warm-{caller}-{i}", 1));
            var run = Guid.NewGuid().ToString("N")[..8];
            results.Add(await Measurement.RunAsync($"reserve+capture, {name}", callers, duration, async (caller, i) =>
            {
                var amount = 1 + (i % 5);
                await PairAsync(services, workspaceOf(caller), $"{run}-{caller}-{i}", amount);
                captured[caller] += amount;
            }));
        }

        await VerifyAsync(services, [hot, .. spread]);
        return results;
    }

    private static async Task PairAsync(IServiceProvider services, Guid workspaceId, string key, long amount)
    {
        var hold = await InScopeAsync(services, l => l.ReserveAsync(workspaceId, "image.generate", amount, key + ":reserve", null, default));
        await InScopeAsync(services, l => l.CaptureAsync(workspaceId, hold.Value.Id, amount, key + ":capture", default));
    }

    private static Task FundAsync(IServiceProvider services, Guid workspaceId) =>
        InScopeAsync(services, l => l.GrantAsync(workspaceId, new CreditGrantRequest(GrantSource.Purchase, Funding), "fund", default));

    private static async Task<T> InScopeAsync<T>(IServiceProvider services, Func<ICreditLedger, Task<T>> operation)
    {
        await using var scope = services.CreateSystemScope();
        var result = await operation(scope.ServiceProvider.GetRequiredService<ICreditLedger>());
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);
        return result;
    }

    private static async Task VerifyAsync(IServiceProvider services, IReadOnlyList<Guid> workspaces)
    {
        using var scope = services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<ICreditReconciler>().ReconcileAsync(null, default);
        if (!report.IsBalanced)
            throw new InvalidOperationException("Reconciliation found differences: " + string.Join("; ", report.Discrepancies));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var workspaceId in workspaces)
        {
            var account = await db.CreditAccounts.IgnoreQueryFilters().SingleAsync(a => a.WorkspaceId == workspaceId);
            var captured = await db.CreditHolds.IgnoreQueryFilters().Where(h => h.WorkspaceId == workspaceId).SumAsync(h => h.Captured);
            if (account.Reserved != 0 || account.Balance != Funding - captured)
                throw new InvalidOperationException($"Workspace {workspaceId}: balance {account.Balance}, reserved {account.Reserved}, captured {captured}.");
        }
        Console.WriteLine($"Invariants hold: {report.WorkspacesChecked} accounts reconcile with no difference; balances = funding − captured; nothing left reserved.");
    }
}
