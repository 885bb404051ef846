using IaGenify.Api.Http;
using IaGenify.Application.Admin;
using IaGenify.Application.Admin.Commands.SuspendWorkspace;
using IaGenify.Application.Admin.Commands.UnsuspendWorkspace;
using IaGenify.Application.Admin.Queries.GetWorkspaceForSupport;
using IaGenify.Application.Admin.Queries.ListAllWorkspaces;
using IaGenify.Application.Common.Paging;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

/// <summary>Platform staff routes (Platform:AdminEmails); every call is audit-logged by the pipeline.</summary>
internal static class AdminEndpoints
{
    public sealed record SuspensionBody(string Reason);

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Admin");

        admin.MapGet("/workspaces", ListAllWorkspacesAsync)
            .WithName("ListAllWorkspaces").WithSummary("Every workspace on the platform, optionally searched by name (staff).")
            .ProducesProblems(400, 401, 403, 429);
        admin.MapGet("/workspaces/{workspaceId:guid}", GetWorkspaceForSupportAsync)
            .WithName("GetWorkspaceForSupport").WithSummary("A workspace's support view: state, suspension, members and API keys (staff).")
            .ProducesProblems(401, 403, 404, 429);
        admin.MapPost("/workspaces/{workspaceId:guid}/suspend", SuspendWorkspaceAsync)
            .WithName("SuspendWorkspace").WithSummary("Make a workspace read-only, with a reason (staff).")
            .ProducesProblems(400, 401, 403, 404, 409, 413, 415, 429);
        admin.MapPost("/workspaces/{workspaceId:guid}/unsuspend", UnsuspendWorkspaceAsync)
            .WithName("UnsuspendWorkspace").WithSummary("Lift a workspace's suspension (staff).")
            .ProducesProblems(401, 403, 404, 409, 429);
        return app;
    }

    private static async Task<Ok<CursorPage<AdminWorkspaceDto>>> ListAllWorkspacesAsync(string? search, int? limit, string? cursor,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAllWorkspaces(search, Paging.LimitOrDefault(limit), cursor), ct));

    private static async Task<Ok<SupportWorkspaceDto>> GetWorkspaceForSupportAsync(Guid workspaceId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetWorkspaceForSupport(workspaceId), ct));

    private static async Task<NoContent> SuspendWorkspaceAsync(Guid workspaceId, SuspensionBody body, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new SuspendWorkspace(workspaceId, body.Reason), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> UnsuspendWorkspaceAsync(Guid workspaceId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new UnsuspendWorkspace(workspaceId), ct);
        return TypedResults.NoContent();
    }
}
