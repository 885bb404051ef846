using IaGenify.Api.Http;
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

        members.MapGet("", ListMembersAsync)
            .WithName("ListMembers").WithSummary("The members of a workspace and their roles.")
            .ProducesProblems(400, 401, 402, 404, 429);
        members.MapPatch("/{userId:guid}", ChangeMemberRoleAsync)
            .WithName("ChangeMemberRole").WithSummary("Change a member's role.")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 423, 429);
        // Removing yourself is leaving the workspace.
        members.MapDelete("/{userId:guid}", RemoveMemberAsync)
            .WithName("RemoveMember").WithSummary("Remove a member from a workspace, or leave it (your own user id).")
            .ProducesProblems(401, 402, 403, 404, 409, 423, 429);
        return app;
    }

    private static async Task<Ok<CursorPage<MemberDto>>> ListMembersAsync(Guid workspaceId, int? limit, string? cursor, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListMembers(workspaceId, Paging.LimitOrDefault(limit), cursor), ct));

    private static async Task<Ok<MemberDto>> ChangeMemberRoleAsync(Guid workspaceId, Guid userId, MemberRoleBody body, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ChangeMemberRole(workspaceId, userId, body.Role), ct));

    private static async Task<NoContent> RemoveMemberAsync(Guid workspaceId, Guid userId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RemoveMember(workspaceId, userId), ct);
        return TypedResults.NoContent();
    }
}
