using IaGenify.Application.Billing.Ports;
using IaGenify.Application.Billing.Processing;
using IaGenify.Application.Billing.Specifications;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Billing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Billing.Commands.ReconcileStripeEvents;

public sealed record StripeReconciliationDto(DateTimeOffset Since, int Listed, int AlreadyKnown, int Processed, int Failed);

/// <summary>
/// Recovers missed webhooks: lists Stripe's recent events of the types billing handles and processes those the inbox
/// has not stored. Run by staff (<c>POST /api/v1/admin/billing/reconcile</c>) or by the host command
/// <c>reconcile-stripe</c> on a schedule. Each event is processed in its own scope and transaction.
/// </summary>
public sealed record ReconcileStripeEvents(DateTimeOffset? Since) : ICommand<StripeReconciliationDto>, IPlatformAdminRequest;

internal sealed class ReconcileStripeEventsHandler(
    IPaymentGateway gateway,
    PlanCatalog catalog,
    IRepository<BillingInboxEvent> inbox,
    IServiceScopeFactory scopes,
    IOptions<BillingOptions> options,
    TimeProvider clock,
    ILogger<ReconcileStripeEventsHandler> logger) : IRequestHandler<ReconcileStripeEvents, StripeReconciliationDto>
{
    public async Task<StripeReconciliationDto> Handle(ReconcileStripeEvents request, CancellationToken cancellationToken)
    {
        BillingErrors.EnsureConfigured(gateway, catalog);
        var since = request.Since ?? clock.GetUtcNow() - options.Value.ReconcileWindow;
        var events = await gateway.ListEventsAsync(since, cancellationToken);
        var known = (await inbox.ListAsync(new InboxEventsByIdSpec(events.Select(e => e.Id).ToList()), cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        int processed = 0, failed = 0;
        foreach (var missed in events.Where(e => !known.Contains(e.Id)))
        {
            try
            {
                await using var scope = scopes.CreateSystemScope();
                if (await scope.ServiceProvider.GetRequiredService<BillingEventProcessor>().ProcessAsync(missed, cancellationToken))
                    processed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                logger.LogError(ex, "Reconciling Stripe event {EventId} ({EventType}) failed with {ExceptionType}",
                    missed.Id, missed.Type, ex.GetType().Name);
            }
        }
        return new StripeReconciliationDto(since, events.Count, known.Count, processed, failed);
    }
}
