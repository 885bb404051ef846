using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Credits.Ports;
using IaGenify.Application.Credits.Specifications;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Credits;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Credits.Commands.AdjustCredits;

/// <summary>
/// Support correction: a positive amount adds a manual grant, a negative one debits unreserved credits (refused
/// whole with 402 beyond what is available). Idempotent per key; audited with the staff member's id.
/// </summary>
public sealed record AdjustCredits(Guid WorkspaceId, long Amount, string Reason, string IdempotencyKey)
    : ICommand<CreditAdjustmentDto>, IWorkspaceSupportRequest;

internal sealed class AdjustCreditsHandler(
    IRepository<Workspace> workspaces,
    IRepository<CreditAccount> accounts,
    ICreditLedger ledger,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork) : IRequestHandler<AdjustCredits, CreditAdjustmentDto>
{
    public async Task<CreditAdjustmentDto> Handle(AdjustCredits request, CancellationToken cancellationToken)
    {
        if (!await workspaces.AnyAsync(new WorkspaceByIdSpec(request.WorkspaceId), cancellationToken))
            throw new NotFoundException("Workspace");

        var key = "adjustment:" + request.IdempotencyKey;
        var (entryId, replayed) = request.Amount > 0
            ? await GrantAsync(request, key, cancellationToken)
            : await DebitAsync(request, key, cancellationToken);
        if (!replayed)
            auditLog.Record(AuditActions.CreditsAdjusted, request.WorkspaceId, "credit_entry", entryId.ToString(),
                new Dictionary<string, string> { ["amount"] = request.Amount.ToString(), ["reason"] = request.Reason });
        await unitOfWork.SaveChangesAsync(cancellationToken);

        var account = await accounts.FirstOrDefaultAsync(new CreditAccountSpec(request.WorkspaceId), cancellationToken);
        return new CreditAdjustmentDto(entryId, request.Amount, account?.Balance ?? 0, account?.Available ?? 0);
    }

    private async Task<(Guid EntryId, bool Replayed)> GrantAsync(AdjustCredits request, string key, CancellationToken cancellationToken)
    {
        var result = await ledger.GrantAsync(request.WorkspaceId,
            new CreditGrantRequest(GrantSource.ManualAdjustment, request.Amount, Reference: request.Reason), key, cancellationToken);
        return (result.Value.Id, result.Replayed);
    }

    private async Task<(Guid EntryId, bool Replayed)> DebitAsync(AdjustCredits request, string key, CancellationToken cancellationToken)
    {
        var result = await ledger.DebitAsync(request.WorkspaceId, -request.Amount, key, request.Reason, cancellationToken);
        return (result.Value.Id, result.Replayed);
    }
}
