using IaGenify.Api.Http;
using IaGenify.Application.Billing;
using IaGenify.Application.Billing.Commands.OpenCustomerPortal;
using IaGenify.Application.Billing.Commands.ReceiveStripeWebhook;
using IaGenify.Application.Billing.Commands.ReconcileStripeEvents;
using IaGenify.Application.Billing.Commands.StartCheckout;
using IaGenify.Application.Billing.Queries.GetBilling;
using IaGenify.Application.Billing.Queries.ListPlans;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IaGenify.Api.Endpoints;

internal static class BillingEndpoints
{
    public sealed record CheckoutBody(string? Plan, string? CreditPack);

    public static IEndpointRouteBuilder MapBillingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/plans", ListPlansAsync).WithTags("Billing").AllowAnonymous()
            .WithName("ListPlans").WithSummary("The plans and credit packs on sale.")
            .ProducesProblems(429);

        var billing = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/billing").WithTags("Billing");

        billing.MapGet("", GetBillingAsync)
            .WithName("GetBilling").WithSummary("A workspace's plan, subscription state and entitlements.")
            .ProducesProblems(401, 402, 404, 429);
        billing.MapPost("/checkout", StartCheckoutAsync).WithIdempotency()
            .WithName("StartCheckout").WithSummary("Start a Stripe Checkout for a plan or a credit pack; answers the URL to open.")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 422, 423, 429, 503);
        billing.MapPost("/portal", OpenCustomerPortalAsync)
            .WithName("OpenCustomerPortal").WithSummary("Open the Stripe customer portal; answers the URL to open.")
            .ProducesProblems(401, 402, 403, 404, 409, 423, 429, 503);

        // The signature covers the exact bytes Stripe sent, so the body is read raw, never bound as JSON.
        app.MapPost("/api/v1/webhooks/stripe", ReceiveStripeWebhookAsync).WithTags("Billing").AllowAnonymous()
            .WithName("ReceiveStripeWebhook").WithSummary("Stripe's event callback, authenticated by its Stripe-Signature header.")
            .ProducesProblems(400, 413, 429);

        app.MapPost("/api/v1/admin/billing/reconcile", ReconcileStripeEventsAsync).WithTags("Admin")
            .WithName("ReconcileStripeEvents").WithSummary("Fetch Stripe events since a time and apply any that were missed (staff).")
            .ProducesProblems(400, 401, 403, 429, 503);
        return app;
    }

    private static async Task<Ok<PlanListDto>> ListPlansAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListPlans(), ct));

    private static async Task<Ok<BillingDto>> GetBillingAsync(Guid workspaceId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetBilling(workspaceId), ct));

    private static async Task<Ok<RedirectDto>> StartCheckoutAsync(Guid workspaceId, CheckoutBody body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new StartCheckout(workspaceId, body.Plan, body.CreditPack, idempotencyKey ?? ""), ct));

    private static async Task<Ok<RedirectDto>> OpenCustomerPortalAsync(Guid workspaceId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new OpenCustomerPortal(workspaceId), ct));

    private static async Task<Ok<WebhookReceiptDto>> ReceiveStripeWebhookAsync(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(ct);
        var signature = request.Headers["Stripe-Signature"].ToString();
        return TypedResults.Ok(await mediator.Send(new ReceiveStripeWebhook(payload, signature), ct));
    }

    private static async Task<Ok<StripeReconciliationDto>> ReconcileStripeEventsAsync(DateTimeOffset? since, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReconcileStripeEvents(since), ct));
}
