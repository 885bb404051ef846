using IaGenify.Api.Http;
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
        app.MapGet("/api/v1/workspaces/{workspaceId:guid}/audit-log", ListAuditLogAsync).WithTags("Audit")
            .WithName("ListAuditLog").WithSummary("A workspace's audit log, optionally filtered by action.")
            .ProducesProblems(400, 401, 402, 403, 404, 429);
        return app;
    }

    private static async Task<Ok<CursorPage<AuditEntryDto>>> ListAuditLogAsync(Guid workspaceId, int? limit, string? cursor, string? action,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAuditLog(workspaceId, Paging.LimitOrDefault(limit), cursor, action), ct));
}
