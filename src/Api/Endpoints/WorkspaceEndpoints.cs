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

        workspaces.MapPost("", async Task<Created<WorkspaceDto>> (WorkspaceNameBody body, IMediator mediator, CancellationToken ct) =>
        {
            var workspace = await mediator.Send(new CreateWorkspace(body.Name), ct);
            return TypedResults.Created($"/api/v1/workspaces/{workspace.Id}", workspace);
        }).WithIdempotency();

        workspaces.MapGet("", async Task<Ok<CursorPage<WorkspaceDto>>> (int? limit, string? cursor, bool? includeDeleted,
            IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListMyWorkspaces(Paging.LimitOrDefault(limit), cursor, includeDeleted ?? false), ct)));

        var workspace = workspaces.MapGroup("/{workspaceId:guid}");

        workspace.MapGet("", async Task<Ok<WorkspaceDto>> (Guid workspaceId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetWorkspace(workspaceId), ct)));

        workspace.MapPatch("", async Task<Ok<WorkspaceDto>> (Guid workspaceId, UpdateWorkspaceBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdateWorkspace(workspaceId, body.Name, body.RequireMfa), ct)));

        workspace.MapDelete("", async Task<NoContent> (Guid workspaceId, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteWorkspace(workspaceId), ct);
            return TypedResults.NoContent();
        });

        workspace.MapPost("/restore", async Task<Ok<WorkspaceDto>> (Guid workspaceId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new RestoreWorkspace(workspaceId), ct)));
        return app;
    }
}
