using IaGenify.Api.Http;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Workspaces;
using IaGenify.Application.Workspaces.Commands.AcceptInvitation;
using IaGenify.Application.Workspaces.Commands.CreateInvitation;
using IaGenify.Application.Workspaces.Commands.RevokeInvitation;
using IaGenify.Application.Workspaces.Queries.ListInvitations;
using IaGenify.Domain.Workspaces;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

internal static class InvitationEndpoints
{
    public sealed record InvitationBody(string Email, Role Role);

    public static IEndpointRouteBuilder MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        var invitations = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/invitations").WithTags("Invitations");

        invitations.MapPost("", CreateInvitationAsync).WithIdempotency()
            .WithName("CreateInvitation").WithSummary("Invite someone by email to join a workspace with a role.")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 422, 423, 429);
        invitations.MapGet("", ListInvitationsAsync)
            .WithName("ListInvitations").WithSummary("The pending invitations of a workspace.")
            .ProducesProblems(400, 401, 402, 403, 404, 429);
        invitations.MapDelete("/{invitationId:guid}", RevokeInvitationAsync)
            .WithName("RevokeInvitation").WithSummary("Revoke a pending invitation.")
            .ProducesProblems(401, 402, 403, 404, 409, 423, 429);

        app.MapPost("/api/v1/invitations/accept", AcceptInvitationAsync).WithTags("Invitations")
            .WithName("AcceptInvitation").WithSummary("Join the workspace of an invitation with the token from its email.")
            .ProducesProblems(400, 401, 402, 404, 409, 413, 415, 429)
            .RefusesSuspendedAccounts();
        return app;
    }

    private static async Task<Created<InvitationDto>> CreateInvitationAsync(Guid workspaceId, InvitationBody body, IMediator mediator,
        CancellationToken ct)
    {
        var invitation = await mediator.Send(new CreateInvitation(workspaceId, body.Email, body.Role), ct);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/invitations/{invitation.Id}", invitation);
    }

    private static async Task<Ok<CursorPage<InvitationDto>>> ListInvitationsAsync(Guid workspaceId, int? limit, string? cursor,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListInvitations(workspaceId, Paging.LimitOrDefault(limit), cursor), ct));

    private static async Task<NoContent> RevokeInvitationAsync(Guid workspaceId, Guid invitationId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RevokeInvitation(workspaceId, invitationId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WorkspaceDto>> AcceptInvitationAsync(AcceptInvitation command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));
}
