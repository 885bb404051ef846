using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Credits.Ports;
using MediatR;

namespace IaGenify.Application.Credits.Queries.ReconcileCredits;

/// <summary>Rebuilds every (or one) workspace's balances from its entries and grants and reports differences.</summary>
public sealed record ReconcileCredits(Guid? WorkspaceId = null) : IQuery<CreditReconciliation>, IPlatformAdminRequest;

internal sealed class ReconcileCreditsHandler(ICreditReconciler reconciler) : IRequestHandler<ReconcileCredits, CreditReconciliation>
{
    public Task<CreditReconciliation> Handle(ReconcileCredits request, CancellationToken cancellationToken) =>
        reconciler.ReconcileAsync(request.WorkspaceId, cancellationToken);
}
