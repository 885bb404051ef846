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

        credits.MapGet("", async Task<Ok<CreditBalanceDto>> (Guid workspaceId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetCredits(workspaceId), ct)));

        credits.MapGet("/entries", async Task<Ok<CursorPage<CreditEntryDto>>> (Guid workspaceId, int? limit, string? cursor,
                IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListCreditEntries(workspaceId, Paging.LimitOrDefault(limit), cursor), ct)));

        app.MapGet("/api/v1/credits/prices", async Task<Ok<PriceListDto>> (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetPrices(), ct))).WithTags("Credits");

        var admin = app.MapGroup("/api/v1/admin").WithTags("Admin");

        admin.MapPost("/workspaces/{workspaceId:guid}/credits/adjustments", async Task<Created<CreditAdjustmentDto>> (
            Guid workspaceId, AdjustmentBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
            IMediator mediator, CancellationToken ct) =>
        {
            var result = await mediator.Send(new AdjustCredits(workspaceId, body.Amount, body.Reason, idempotencyKey ?? ""), ct);
            return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/credits/entries", result);
        }).WithIdempotency();

        admin.MapPost("/workspaces/{workspaceId:guid}/credits/grants", async Task<Created<CreditAdjustmentDto>> (
            Guid workspaceId, GrantBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
            IMediator mediator, CancellationToken ct) =>
        {
            var result = await mediator.Send(
                new GrantCredits(workspaceId, body.Amount, body.Source, body.ExpiresAt, body.Reason, idempotencyKey ?? ""), ct);
            return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/credits", result);
        }).WithIdempotency();

        admin.MapGet("/credits/reconcile", async Task<Ok<CreditReconciliation>> (Guid? workspaceId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ReconcileCredits(workspaceId), ct)));
        return app;
    }
}
