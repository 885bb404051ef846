using IaGenify.Application.Billing.Ports;
using IaGenify.Application.Billing.Specifications;
using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Billing;
using IaGenify.Domain.Workspaces;
using MediatR;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Billing.Commands.OpenCustomerPortal;

/// <summary>Returns the URL of a Stripe customer-portal session where the owner changes plan, card or cancels.</summary>
[RequiresPermission(Permission.BillingManage)]
public sealed record OpenCustomerPortal(Guid WorkspaceId) : ICommand<RedirectDto>, IWorkspaceRequest;

internal sealed class OpenCustomerPortalHandler(
    IRepository<BillingAccount> accounts,
    IPaymentGateway gateway,
    PlanCatalog catalog,
    IOptions<BillingOptions> billing,
    IOptions<PlatformOptions> platform,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork) : IRequestHandler<OpenCustomerPortal, RedirectDto>
{
    public async Task<RedirectDto> Handle(OpenCustomerPortal request, CancellationToken cancellationToken)
    {
        BillingErrors.EnsureConfigured(gateway, catalog);
        var account = await accounts.FirstOrDefaultAsync(new BillingAccountSpec(request.WorkspaceId), cancellationToken);
        if (account?.StripeCustomerId is not { } customerId)
            throw new ConflictException("billing.no_customer", "This workspace has no billing account yet; start a checkout first.");

        var returnUrl = billing.Value.PortalReturnUrl ?? $"{platform.Value.AppBaseUrl}/billing";
        // Portal sessions are short-lived, so each request is its own operation; the key only covers network retries.
        var url = await gateway.CreatePortalSessionAsync(customerId, returnUrl,
            $"portal:{request.WorkspaceId}:{Guid.CreateVersion7()}", cancellationToken);
        auditLog.Record(AuditActions.BillingPortalOpened, request.WorkspaceId, "customer", customerId);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new RedirectDto(url);
    }
}
