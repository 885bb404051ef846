using IaGenify.Application.Billing;
using IaGenify.Application.Billing.Commands.OpenCustomerPortal;
using IaGenify.Application.Billing.Commands.ReceiveStripeWebhook;
using IaGenify.Application.Billing.Commands.ReconcileStripeEvents;
using IaGenify.Application.Billing.Commands.StartCheckout;
using IaGenify.Application.Billing.Queries.GetBilling;
using IaGenify.Application.Billing.Queries.ListPlans;
using IaGenify.Api.Http;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IaGenify.Api.Endpoints;

internal static class BillingEndpoints
{
    public sealed record CheckoutBody(string? Plan, string? CreditPack);

    public static IEndpointRouteBuilder MapBillingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/plans", async Task<Ok<PlanListDto>> (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListPlans(), ct))).WithTags("Billing");

        var billing = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/billing").WithTags("Billing");

        billing.MapGet("", async Task<Ok<BillingDto>> (Guid workspaceId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetBilling(workspaceId), ct)));

        billing.MapPost("/checkout", async Task<Ok<RedirectDto>> (Guid workspaceId, CheckoutBody body,
                [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new StartCheckout(workspaceId, body.Plan, body.CreditPack, idempotencyKey ?? ""), ct)))
            .WithIdempotency();

        billing.MapPost("/portal", async Task<Ok<RedirectDto>> (Guid workspaceId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new OpenCustomerPortal(workspaceId), ct)));

        // The signature covers the exact bytes Stripe sent, so the body is read raw, never bound as JSON.
        app.MapPost("/api/v1/webhooks/stripe", async Task<Ok<WebhookReceiptDto>> (HttpRequest request, IMediator mediator,
            CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var payload = await reader.ReadToEndAsync(ct);
            var signature = request.Headers["Stripe-Signature"].ToString();
            return TypedResults.Ok(await mediator.Send(new ReceiveStripeWebhook(payload, signature), ct));
        }).WithTags("Billing");

        app.MapPost("/api/v1/admin/billing/reconcile", async Task<Ok<StripeReconciliationDto>> (DateTimeOffset? since,
                IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ReconcileStripeEvents(since), ct))).WithTags("Admin");
        return app;
    }
}
