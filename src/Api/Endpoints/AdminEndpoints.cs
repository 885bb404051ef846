using IaGenify.Application.Admin;
using IaGenify.Application.Admin.Queries.ListAllWorkspaces;
using IaGenify.Application.Common.Paging;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

/// <summary>Platform staff routes (Platform:AdminEmails); every call is audit-logged by the pipeline.</summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Admin");

        admin.MapGet("/workspaces", async Task<Ok<CursorPage<AdminWorkspaceDto>>> (string? search, int? limit, string? cursor,
                IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListAllWorkspaces(search, Paging.LimitOrDefault(limit), cursor), ct)));
        return app;
    }
}
