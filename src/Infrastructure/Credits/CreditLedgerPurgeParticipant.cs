using IaGenify.Application.Workspaces.Purge;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IaGenify.Infrastructure.Credits;

/// <summary>
/// When a workspace is purged its credit ledger stays as a financial record (the tables have no foreign key to
/// workspaces, so nothing cascades): amounts, dates and types remain, so the ledger still reconciles. Free text that
/// could identify people (references, reasons) and clients' retry keys are erased — the one change ever made to
/// ledger rows after they are written.
/// </summary>
internal sealed class CreditLedgerPurgeParticipant(AppDbContext db) : IWorkspacePurgeParticipant
{
    public async Task BeforePurgeAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"UPDATE credit_entries SET reference = NULL, idempotency_key = NULL WHERE workspace_id = {workspaceId}", cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE credit_grants SET reference = NULL WHERE workspace_id = {workspaceId}", cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE credit_holds SET reference = NULL WHERE workspace_id = {workspaceId}", cancellationToken);
    }
}
