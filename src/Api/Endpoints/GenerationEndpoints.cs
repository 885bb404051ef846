using IaGenify.Api.Http;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Commands.CancelGeneration;
using IaGenify.Application.Generations.Commands.SubmitGeneration;
using IaGenify.Application.Generations.Commands.UpdateModelSettings;
using IaGenify.Application.Generations.Queries.GetGeneration;
using IaGenify.Application.Generations.Queries.GetModelSettings;
using IaGenify.Application.Generations.Queries.ListGenerations;
using IaGenify.Domain.Generations;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IaGenify.Api.Endpoints;

internal static class GenerationEndpoints
{
    public sealed record GenerationBody(GenerationKind Kind, GenerationRequestInput Input);

    public sealed record ModelSettingsBody(IReadOnlyList<ModelOverrideDto> Overrides);

    public static IEndpointRouteBuilder MapGenerationEndpoints(this IEndpointRouteBuilder app)
    {
        var generations = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/generations").WithTags("Generations");

        generations.MapPost("", SubmitGenerationAsync).WithIdempotency()
            .WithName("SubmitGeneration").WithSummary("Queue a generation; its price is reserved from the credits until it ends.")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 422, 423, 429);
        generations.MapGet("", ListGenerationsAsync)
            .WithName("ListGenerations").WithSummary("The generations of a workspace, optionally filtered by kind and status.")
            .ProducesProblems(400, 401, 402, 404, 429);
        generations.MapGet("/{generationId:guid}", GetGenerationAsync)
            .WithName("GetGeneration").WithSummary("One generation with its status, output and charge.")
            .ProducesProblems(401, 402, 404, 429);
        generations.MapPost("/{generationId:guid}/cancel", CancelGenerationAsync)
            .WithName("CancelGeneration").WithSummary("Cancel a queued or running generation; its reservation is released.")
            .ProducesProblems(401, 402, 403, 404, 409, 423, 429);

        var settings = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/settings/models").WithTags("Generations");

        settings.MapGet("", GetModelSettingsAsync)
            .WithName("GetModelSettings").WithSummary("The model used for each generation kind: platform defaults and overrides.")
            .ProducesProblems(401, 402, 403, 404, 429);
        settings.MapPut("", UpdateModelSettingsAsync)
            .WithName("UpdateModelSettings").WithSummary("Replace the workspace's model overrides.")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 423, 429);
        return app;
    }

    private static async Task<Accepted<SubmittedGenerationDto>> SubmitGenerationAsync(Guid workspaceId, GenerationBody body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct)
    {
        var submitted = await mediator.Send(new SubmitGeneration(workspaceId, body.Kind, body.Input, idempotencyKey), ct);
        return TypedResults.Accepted($"/api/v1/workspaces/{workspaceId}/generations/{submitted.Id}", submitted);
    }

    private static async Task<Ok<CursorPage<GenerationSummaryDto>>> ListGenerationsAsync(Guid workspaceId, int? limit, string? cursor,
        string? kind, string? status, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListGenerations(workspaceId, Paging.LimitOrDefault(limit), cursor, kind, status), ct));

    private static async Task<Ok<GenerationDto>> GetGenerationAsync(Guid workspaceId, Guid generationId, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetGeneration(workspaceId, generationId), ct));

    private static async Task<Ok<GenerationDto>> CancelGenerationAsync(Guid workspaceId, Guid generationId, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CancelGeneration(workspaceId, generationId), ct));

    private static async Task<Ok<ModelSettingsDto>> GetModelSettingsAsync(Guid workspaceId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetModelSettings(workspaceId), ct));

    private static async Task<Ok<ModelSettingsDto>> UpdateModelSettingsAsync(Guid workspaceId, ModelSettingsBody body, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateModelSettings(workspaceId, body.Overrides), ct));
}
