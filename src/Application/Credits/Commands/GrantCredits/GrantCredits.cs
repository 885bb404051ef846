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

namespace IaGenify.Application.Credits.Commands.GrantCredits;

/// <summary>Support gives credits: a promotion (usually with an expiry) or a manual grant. Idempotent; audited.</summary>
public sealed record GrantCredits(Guid WorkspaceId, long Amount, GrantSource Source, DateTimeOffset? ExpiresAt, string Reason,
    string IdempotencyKey) : ICommand<CreditAdjustmentDto>, IWorkspaceSupportRequest;

internal sealed class GrantCreditsHandler(
    IRepository<Workspace> workspaces,
    IRepository<CreditAccount> accounts,
    ICreditLedger ledger,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork) : IRequestHandler<GrantCredits, CreditAdjustmentDto>
{
    public async Task<CreditAdjustmentDto> Handle(GrantCredits request, CancellationToken cancellationToken)
    {
        if (!await workspaces.AnyAsync(new WorkspaceByIdSpec(request.WorkspaceId), cancellationToken))
            throw new NotFoundException("Workspace");

        var result = await ledger.GrantAsync(request.WorkspaceId,
            new CreditGrantRequest(request.Source, request.Amount, request.ExpiresAt, Reference: request.Reason),
            "grant:" + request.IdempotencyKey, cancellationToken);
        if (!result.Replayed)
            auditLog.Record(AuditActions.CreditsGranted, request.WorkspaceId, "credit_grant", result.Value.Id.ToString(),
                new Dictionary<string, string> { ["amount"] = request.Amount.ToString(), ["source"] = request.Source.ToString(), ["reason"] = request.Reason });
        await unitOfWork.SaveChangesAsync(cancellationToken);

        var account = await accounts.FirstOrDefaultAsync(new CreditAccountSpec(request.WorkspaceId), cancellationToken);
        return new CreditAdjustmentDto(result.Value.Id, request.Amount, account?.Balance ?? 0, account?.Available ?? 0);
    }
}
