using IaGenify.Api.Http;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Exports;
using IaGenify.Application.Exports.Commands.DownloadExport;
using IaGenify.Application.Exports.Commands.RequestExport;
using IaGenify.Application.Exports.Queries.GetExport;
using IaGenify.Application.Exports.Queries.ListExports;
using IaGenify.Domain.Exports;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

internal static class ExportEndpoints
{
    public sealed record ExportAccepted(Guid Id, ExportStatus Status);

    public sealed record ExportResponse(Guid Id, ExportStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt,
        long? SizeBytes, DateTimeOffset? ExpiresAt, string? Error, string? DownloadUrl);

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/exports").WithTags("Exports");

        exports.MapPost("", RequestExportAsync)
            .WithName("RequestExport").WithSummary("Queue an export of the workspace's data as a ZIP archive.")
            .ProducesProblems(401, 402, 403, 404, 409, 423, 429);
        exports.MapGet("", ListExportsAsync)
            .WithName("ListExports").WithSummary("The exports of a workspace, a page at a time.")
            .ProducesProblems(400, 401, 402, 403, 404, 429);
        exports.MapGet("/{exportId:guid}", GetExportAsync)
            .WithName("GetExport").WithSummary("One export and, once it succeeded, its download URL.")
            .ProducesProblems(401, 402, 403, 404, 429);
        exports.MapGet("/{exportId:guid}/download", DownloadExportAsync)
            .WithName("DownloadExport").WithSummary("Download a finished export archive.")
            .Produces(StatusCodes.Status200OK, contentType: ExportDownload.ContentType)
            .ProducesProblems(401, 402, 403, 404, 409, 429);
        return app;
    }

    private static async Task<Accepted<ExportAccepted>> RequestExportAsync(Guid workspaceId, IMediator mediator, CancellationToken ct)
    {
        var export = await mediator.Send(new RequestExport(workspaceId), ct);
        return TypedResults.Accepted(Url(workspaceId, export.Id), new ExportAccepted(export.Id, export.Status));
    }

    private static async Task<Ok<CursorPage<ExportResponse>>> ListExportsAsync(Guid workspaceId, int? limit, string? cursor,
        IMediator mediator, CancellationToken ct)
    {
        var page = await mediator.Send(new ListExports(workspaceId, Paging.LimitOrDefault(limit), cursor), ct);
        return TypedResults.Ok(new CursorPage<ExportResponse>(page.Items.Select(e => ToResponse(workspaceId, e)).ToList(), page.NextCursor));
    }

    private static async Task<Ok<ExportResponse>> GetExportAsync(Guid workspaceId, Guid exportId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(workspaceId, await mediator.Send(new GetExport(workspaceId, exportId), ct)));

    private static async Task<FileStreamHttpResult> DownloadExportAsync(Guid workspaceId, Guid exportId, IMediator mediator,
        CancellationToken ct)
    {
        var download = await mediator.Send(new DownloadExport(workspaceId, exportId), ct);
        // The result disposes the stream once it has been sent.
        return TypedResults.Stream(download.Content, ExportDownload.ContentType, download.FileName, enableRangeProcessing: true);
    }

    private static string Url(Guid workspaceId, Guid exportId) => $"/api/v1/workspaces/{workspaceId}/exports/{exportId}";

    private static ExportResponse ToResponse(Guid workspaceId, ExportDto export) =>
        new(export.Id, export.Status, export.CreatedAt, export.CompletedAt, export.SizeBytes, export.ExpiresAt, export.Error,
            export.Status == ExportStatus.Succeeded ? $"{Url(workspaceId, export.Id)}/download" : null);
}
