using IaGenify.Application.Billing.Ports;
using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Billing;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Billing.Commands.StartCheckout;

/// <summary>
/// Opens a Stripe Checkout Session for a plan (subscription) or a credit pack (one-off payment) and returns its URL.
/// The workspace's Stripe customer is created once and reused. Nothing is granted here: the webhook does it once paid.
/// </summary>
[RequiresVerifiedEmail]
[RequiresPermission(Permission.BillingManage)]
public sealed record StartCheckout(Guid WorkspaceId, string? Plan, string? CreditPack, string IdempotencyKey)
    : ICommand<RedirectDto>, IWorkspaceRequest;

internal sealed class StartCheckoutHandler(
    RequestContext context,
    IRepository<Workspace> workspaces,
    IBillingAccountLock accountLock,
    IPaymentGateway gateway,
    PlanCatalog catalog,
    IOptions<BillingOptions> billing,
    IOptions<PlatformOptions> platform,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<StartCheckout, RedirectDto>
{
    public async Task<RedirectDto> Handle(StartCheckout request, CancellationToken cancellationToken)
    {
        BillingErrors.EnsureConfigured(gateway, catalog);
        var workspace = await workspaces.FirstOrNotFoundAsync(new WorkspaceByIdSpec(request.WorkspaceId), "Workspace", cancellationToken);
        var account = await accountLock.LockAsync(workspace.Id, cancellationToken);

        var plan = catalog.FindPlan(request.Plan);
        var pack = catalog.FindPack(request.CreditPack);
        if (plan is not null && account.HasOpenSubscription)
            throw new ConflictException("billing.subscription_exists",
                "This workspace already has a subscription; change or cancel it in the customer portal.");

        var customerId = account.StripeCustomerId ?? await CreateCustomerAsync(workspace, account, cancellationToken);
        var operation = plan is not null ? $"plan:{plan.Code}" : $"pack:{pack!.Code}";
        var checkout = plan is not null
            ? new CheckoutRequest(workspace.Id, customerId, CheckoutMode.Subscription, plan.StripePriceId!,
                plan.TrialDays > 0 && !account.HasEverSubscribed ? plan.TrialDays : null, null, SuccessUrl(), CancelUrl())
            : new CheckoutRequest(workspace.Id, customerId, CheckoutMode.Payment, pack!.StripePriceId, null, pack.Code,
                SuccessUrl(), CancelUrl());
        // The same Idempotency-Key for the same purchase gets the same session back from Stripe instead of a second one.
        var url = await gateway.CreateCheckoutSessionAsync(checkout,
            $"checkout:{workspace.Id}:{operation}:{SecureToken.Hash(request.IdempotencyKey)[..32]}", cancellationToken);

        auditLog.Record(AuditActions.BillingCheckoutStarted, workspace.Id, plan is not null ? "plan" : "credit_pack",
            plan?.Code ?? pack!.Code);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new RedirectDto(url);
    }

    private async Task<string> CreateCustomerAsync(Workspace workspace, BillingAccount account, CancellationToken cancellationToken)
    {
        // Keyed by workspace: a retry after a failed commit gets the same customer back from Stripe.
        var customerId = await gateway.CreateCustomerAsync(
            new CustomerRequest(workspace.Id, workspace.Name, context.Principal.Email), $"customer:{workspace.Id}", cancellationToken);
        account.LinkCustomer(customerId, clock.GetUtcNow());
        return customerId;
    }

    private string BaseUrl => platform.Value.AppBaseUrl;

    private string SuccessUrl() => billing.Value.SuccessUrl ?? $"{BaseUrl}/billing?checkout=success";

    private string CancelUrl() => billing.Value.CancelUrl ?? $"{BaseUrl}/billing?checkout=canceled";
}
