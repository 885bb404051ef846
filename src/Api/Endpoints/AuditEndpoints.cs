using IaGenify.Application.Audit;
using IaGenify.Application.Audit.Queries.ListAuditLog;
using IaGenify.Application.Common.Paging;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/workspaces/{workspaceId:guid}/audit-log", async Task<Ok<CursorPage<AuditEntryDto>>> (
                Guid workspaceId, int? limit, string? cursor, string? action, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListAuditLog(workspaceId, Paging.LimitOrDefault(limit), cursor, action), ct)))
            .WithTags("Audit");
        return app;
    }
}
