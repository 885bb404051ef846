using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Credits.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Support;

/// <summary>Uses the ledger port the way other modules do: one scope, one unit of work, one commit per call.</summary>
public sealed class LedgerDriver(IServiceProvider services)
{
    public async Task<T> RunAsync<T>(Func<ICreditLedger, Task<T>> operation)
    {
        await using var scope = services.CreateSystemScope();
        var result = await operation(scope.ServiceProvider.GetRequiredService<ICreditLedger>());
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        return result;
    }

    public Task<CreditReconciliation> ReconcileAsync(Guid? workspaceId = null)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ICreditReconciler>().ReconcileAsync(workspaceId, CancellationToken.None);
    }
}
