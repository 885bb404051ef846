using IaGenify.Application.Common.Paging;
using IaGenify.Application.Workspaces;
using IaGenify.Application.Workspaces.Commands.ChangeMemberRole;
using IaGenify.Application.Workspaces.Commands.RemoveMember;
using IaGenify.Application.Workspaces.Queries.ListMembers;
using IaGenify.Domain.Workspaces;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

internal static class MemberEndpoints
{
    public sealed record MemberRoleBody(Role Role);

    public static IEndpointRouteBuilder MapMemberEndpoints(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/members").WithTags("Members");

        members.MapGet("", async Task<Ok<CursorPage<MemberDto>>> (Guid workspaceId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListMembers(workspaceId, Paging.LimitOrDefault(limit), cursor), ct)));

        members.MapPatch("/{userId:guid}", async Task<Ok<MemberDto>> (Guid workspaceId, Guid userId, MemberRoleBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ChangeMemberRole(workspaceId, userId, body.Role), ct)));

        // Removing yourself is leaving the workspace.
        members.MapDelete("/{userId:guid}", async Task<NoContent> (Guid workspaceId, Guid userId, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new RemoveMember(workspaceId, userId), ct);
            return TypedResults.NoContent();
        });
        return app;
    }
}
