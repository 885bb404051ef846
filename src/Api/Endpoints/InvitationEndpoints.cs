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

        invitations.MapPost("", async Task<Created<InvitationDto>> (Guid workspaceId, InvitationBody body, IMediator mediator, CancellationToken ct) =>
        {
            var invitation = await mediator.Send(new CreateInvitation(workspaceId, body.Email, body.Role), ct);
            return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/invitations/{invitation.Id}", invitation);
        }).WithIdempotency();

        invitations.MapGet("", async Task<Ok<CursorPage<InvitationDto>>> (Guid workspaceId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListInvitations(workspaceId, Paging.LimitOrDefault(limit), cursor), ct)));

        invitations.MapDelete("/{invitationId:guid}", async Task<NoContent> (Guid workspaceId, Guid invitationId, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new RevokeInvitation(workspaceId, invitationId), ct);
            return TypedResults.NoContent();
        });

        app.MapPost("/api/v1/invitations/accept", async Task<Ok<WorkspaceDto>> (AcceptInvitation command, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(command, ct))).WithTags("Invitations");
        return app;
    }
}
