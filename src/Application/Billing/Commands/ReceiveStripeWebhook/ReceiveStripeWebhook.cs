using IaGenify.Application.Billing.Ports;
using IaGenify.Application.Billing.Processing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application.Billing.Commands.ReceiveStripeWebhook;

public sealed record WebhookReceiptDto(string EventId, bool Duplicate);

/// <summary>
/// A Stripe webhook delivery. Anonymous at the HTTP level: the <c>Stripe-Signature</c> header (HMAC with
/// <c>Stripe:WebhookSecret</c>, 300 s tolerance) authenticates it; the event is then processed as the system.
/// </summary>
[AllowAnonymous]
public sealed record ReceiveStripeWebhook(string Payload, string? Signature) : ICommand<WebhookReceiptDto>;

internal sealed class ReceiveStripeWebhookHandler(
    IServiceScopeFactory scopes,
    IPaymentGateway gateway,
    PlanCatalog catalog) : IRequestHandler<ReceiveStripeWebhook, WebhookReceiptDto>
{
    public async Task<WebhookReceiptDto> Handle(ReceiveStripeWebhook request, CancellationToken cancellationToken)
    {
        var paymentEvent = gateway.ReadWebhook(request.Payload, request.Signature);
        // Verified first, so that an unsigned request learns nothing about the configuration.
        BillingErrors.EnsureConfigured(gateway, catalog);
        var processed = await scopes.RunAsSystemAsync(services =>
            services.GetRequiredService<BillingEventProcessor>().ProcessAsync(paymentEvent, cancellationToken));
        return new WebhookReceiptDto(paymentEvent.Id, Duplicate: !processed);
    }
}
