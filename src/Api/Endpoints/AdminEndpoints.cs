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

        admin.MapGet("/workspaces", async Task<Ok<CursorPage<AdminWorkspaceDto>>> (string? search, int? limit, string? cursor,
                IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListAllWorkspaces(search, Paging.LimitOrDefault(limit), cursor), ct)));

        admin.MapGet("/workspaces/{workspaceId:guid}", async Task<Ok<SupportWorkspaceDto>> (Guid workspaceId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetWorkspaceForSupport(workspaceId), ct)));

        admin.MapPost("/workspaces/{workspaceId:guid}/suspend", async Task<NoContent> (Guid workspaceId, SuspensionBody body,
            IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new SuspendWorkspace(workspaceId, body.Reason), ct);
            return TypedResults.NoContent();
        });

        admin.MapPost("/workspaces/{workspaceId:guid}/unsuspend", async Task<NoContent> (Guid workspaceId, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new UnsuspendWorkspace(workspaceId), ct);
            return TypedResults.NoContent();
        });
        return app;
    }
}
