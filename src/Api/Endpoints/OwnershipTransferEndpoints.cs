using IaGenify.Api.Http;
using IaGenify.Application.Workspaces;
using IaGenify.Application.Workspaces.Commands.AcceptOwnershipTransfer;
using IaGenify.Application.Workspaces.Commands.OfferOwnershipTransfer;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

/// <summary>An owner hands a workspace to one of its admins, who accepts with the emailed token.</summary>
internal static class OwnershipTransferEndpoints
{
    public sealed record OwnershipTransferBody(Guid UserId);

    public static IEndpointRouteBuilder MapOwnershipTransferEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/workspaces/{workspaceId:guid}/ownership-transfer", Offer)
            .WithTags("Workspaces").ProducesProblems(413, 415, 429).WithName("OfferOwnershipTransfer")
            .WithSummary("Offer the workspace to an admin with a verified email; they accept through the emailed link.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        app.MapPost("/api/v1/ownership-transfers/{token}/accept", Accept)
            .WithTags("Workspaces").ProducesProblems(429).WithName("AcceptOwnershipTransfer")
            .WithSummary("Accept an ownership offer: the caller becomes owner and the previous owner becomes admin.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .RefusesSuspendedAccounts();
        return app;
    }

    private static async Task<Accepted<OwnershipTransferDto>> Offer(Guid workspaceId, OwnershipTransferBody body, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Accepted((string?)null, await mediator.Send(new OfferOwnershipTransfer(workspaceId, body.UserId), ct));

    private static async Task<Ok<WorkspaceDto>> Accept(string token, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new AcceptOwnershipTransfer(token), ct));
}
