namespace IaGenify.Application.Credits.Ports;

/// <summary>One figure that does not match what the entries and grants rebuild.</summary>
public sealed record CreditDiscrepancy(Guid WorkspaceId, string Check, long Expected, long Actual, Guid? GrantId = null);

public sealed record CreditReconciliation(int WorkspacesChecked, IReadOnlyList<CreditDiscrepancy> Discrepancies)
{
    public bool IsBalanced => Discrepancies.Count == 0;
}

/// <summary>
/// Rebuilds every account from the ledger itself: balances from entries and from grants, reserved credits from
/// entries, grants and pending holds, and each grant's consumption from the debits that drew on it.
/// </summary>
public interface ICreditReconciler
{
    Task<CreditReconciliation> ReconcileAsync(Guid? workspaceId, CancellationToken cancellationToken);
}
