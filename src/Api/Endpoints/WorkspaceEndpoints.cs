using IaGenify.Api.Http;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Workspaces;
using IaGenify.Application.Workspaces.Commands.CreateWorkspace;
using IaGenify.Application.Workspaces.Commands.DeleteWorkspace;
using IaGenify.Application.Workspaces.Commands.UpdateWorkspace;
using IaGenify.Application.Workspaces.Commands.RestoreWorkspace;
using IaGenify.Application.Workspaces.Queries.GetWorkspace;
using IaGenify.Application.Workspaces.Queries.ListMyWorkspaces;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

internal static class WorkspaceEndpoints
{
    public sealed record WorkspaceNameBody(string Name);

    /// <summary>A partial update: only the fields sent change.</summary>
    public sealed record UpdateWorkspaceBody(string? Name, bool? RequireMfa);

    public static IEndpointRouteBuilder MapWorkspaceEndpoints(this IEndpointRouteBuilder app)
    {
        var workspaces = app.MapGroup("/api/v1/workspaces").WithTags("Workspaces");

        workspaces.MapPost("", CreateWorkspaceAsync).WithIdempotency()
            .WithName("CreateWorkspace").WithSummary("Create a workspace owned by the caller.")
            .ProducesProblems(400, 401, 402, 409, 413, 415, 422, 429);
        workspaces.MapGet("", ListMyWorkspacesAsync)
            .WithName("ListMyWorkspaces").WithSummary("The workspaces the caller belongs to, a page at a time.")
            .ProducesProblems(400, 401, 429);

        var workspace = workspaces.MapGroup("/{workspaceId:guid}");

        workspace.MapGet("", GetWorkspaceAsync)
            .WithName("GetWorkspace").WithSummary("One workspace with the caller's role in it.")
            .ProducesProblems(401, 402, 404, 429);
        workspace.MapPatch("", UpdateWorkspaceAsync)
            .WithName("UpdateWorkspace").WithSummary("Rename a workspace or change whether its members must use two-factor sign-in.")
            .ProducesProblems(400, 401, 402, 403, 404, 413, 415, 423, 429);
        workspace.MapDelete("", DeleteWorkspaceAsync)
            .WithName("DeleteWorkspace").WithSummary("Delete a workspace; it can be restored until it is purged.")
            .ProducesProblems(401, 402, 403, 404, 409, 423, 429);
        workspace.MapPost("/restore", RestoreWorkspaceAsync)
            .WithName("RestoreWorkspace").WithSummary("Restore a deleted workspace before it is purged.")
            .ProducesProblems(401, 402, 403, 404, 409, 423, 429);
        return app;
    }

    private static async Task<Created<WorkspaceDto>> CreateWorkspaceAsync(WorkspaceNameBody body, IMediator mediator, CancellationToken ct)
    {
        var workspace = await mediator.Send(new CreateWorkspace(body.Name), ct);
        return TypedResults.Created($"/api/v1/workspaces/{workspace.Id}", workspace);
    }

    private static async Task<Ok<CursorPage<WorkspaceDto>>> ListMyWorkspacesAsync(int? limit, string? cursor, bool? includeDeleted,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListMyWorkspaces(Paging.LimitOrDefault(limit), cursor, includeDeleted ?? false), ct));

    private static async Task<Ok<WorkspaceDto>> GetWorkspaceAsync(Guid workspaceId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetWorkspace(workspaceId), ct));

    private static async Task<Ok<WorkspaceDto>> UpdateWorkspaceAsync(Guid workspaceId, UpdateWorkspaceBody body, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateWorkspace(workspaceId, body.Name, body.RequireMfa), ct));

    private static async Task<NoContent> DeleteWorkspaceAsync(Guid workspaceId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteWorkspace(workspaceId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WorkspaceDto>> RestoreWorkspaceAsync(Guid workspaceId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RestoreWorkspace(workspaceId), ct));
}
