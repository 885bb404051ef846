using IaGenify.Api.Http;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Credits;
using IaGenify.Application.Credits.Commands;
using IaGenify.Application.Credits.Commands.AdjustCredits;
using IaGenify.Application.Credits.Commands.GrantCredits;
using IaGenify.Application.Credits.Ports;
using IaGenify.Application.Credits.Queries.GetCredits;
using IaGenify.Application.Credits.Queries.GetPrices;
using IaGenify.Application.Credits.Queries.ListCreditEntries;
using IaGenify.Application.Credits.Queries.ReconcileCredits;
using IaGenify.Domain.Credits;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IaGenify.Api.Endpoints;

internal static class CreditEndpoints
{
    public sealed record AdjustmentBody(long Amount, string Reason);

    public sealed record GrantBody(long Amount, GrantSource Source, DateTimeOffset? ExpiresAt, string Reason);

    public static IEndpointRouteBuilder MapCreditEndpoints(this IEndpointRouteBuilder app)
    {
        var credits = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/credits").WithTags("Credits");

        credits.MapGet("", GetCreditsAsync)
            .WithName("GetCredits").WithSummary("A workspace's credit balance: balance, reserved and available.")
            .ProducesProblems(401, 402, 404, 429);
        credits.MapGet("/entries", ListCreditEntriesAsync)
            .WithName("ListCreditEntries").WithSummary("A workspace's credit ledger entries, a page at a time.")
            .ProducesProblems(400, 401, 402, 404, 429);

        app.MapGet("/api/v1/credits/prices", GetPricesAsync).WithTags("Credits").AllowAnonymous()
            .WithName("GetPrices").WithSummary("The credit price of each generation kind.")
            .ProducesProblems(429);

        var admin = app.MapGroup("/api/v1/admin").WithTags("Admin");

        admin.MapPost("/workspaces/{workspaceId:guid}/credits/adjustments", AdjustCreditsAsync).WithIdempotency()
            .WithName("AdjustCredits").WithSummary("Add or remove credits with a reason; needs an Idempotency-Key (staff).")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 422, 429);
        admin.MapPost("/workspaces/{workspaceId:guid}/credits/grants", GrantCreditsAsync).WithIdempotency()
            .WithName("GrantCredits").WithSummary("Grant a lot of credits from a source, optionally expiring (staff).")
            .ProducesProblems(400, 401, 403, 404, 409, 413, 415, 422, 429);
        admin.MapGet("/credits/reconcile", ReconcileCreditsAsync)
            .WithName("ReconcileCredits").WithSummary("Rebuild balances from ledger entries and report any difference (staff).")
            .ProducesProblems(400, 401, 403, 429);
        return app;
    }

    private static async Task<Ok<CreditBalanceDto>> GetCreditsAsync(Guid workspaceId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCredits(workspaceId), ct));

    private static async Task<Ok<CursorPage<CreditEntryDto>>> ListCreditEntriesAsync(Guid workspaceId, int? limit, string? cursor,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListCreditEntries(workspaceId, Paging.LimitOrDefault(limit), cursor), ct));

    private static async Task<Ok<PriceListDto>> GetPricesAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetPrices(), ct));

    private static async Task<Created<CreditAdjustmentDto>> AdjustCreditsAsync(Guid workspaceId, AdjustmentBody body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new AdjustCredits(workspaceId, body.Amount, body.Reason, idempotencyKey ?? ""), ct);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/credits/entries", result);
    }

    private static async Task<Created<CreditAdjustmentDto>> GrantCreditsAsync(Guid workspaceId, GrantBody body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(
            new GrantCredits(workspaceId, body.Amount, body.Source, body.ExpiresAt, body.Reason, idempotencyKey ?? ""), ct);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/credits", result);
    }

    private static async Task<Ok<CreditReconciliation>> ReconcileCreditsAsync(Guid? workspaceId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReconcileCredits(workspaceId), ct));
}
