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

        generations.MapPost("", async Task<Accepted<SubmittedGenerationDto>> (Guid workspaceId, GenerationBody body,
            [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct) =>
        {
            var submitted = await mediator.Send(new SubmitGeneration(workspaceId, body.Kind, body.Input, idempotencyKey), ct);
            return TypedResults.Accepted($"/api/v1/workspaces/{workspaceId}/generations/{submitted.Id}", submitted);
        }).WithIdempotency();

        generations.MapGet("", async Task<Ok<CursorPage<GenerationSummaryDto>>> (Guid workspaceId, int? limit, string? cursor,
                string? kind, string? status, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListGenerations(workspaceId, Paging.LimitOrDefault(limit), cursor, kind, status), ct)));

        generations.MapGet("/{generationId:guid}", async Task<Ok<GenerationDto>> (Guid workspaceId, Guid generationId, IMediator mediator,
                CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetGeneration(workspaceId, generationId), ct)));

        generations.MapPost("/{generationId:guid}/cancel", async Task<Ok<GenerationDto>> (Guid workspaceId, Guid generationId,
                IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new CancelGeneration(workspaceId, generationId), ct)));

        var settings = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/settings/models").WithTags("Generations");

        settings.MapGet("", async Task<Ok<ModelSettingsDto>> (Guid workspaceId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetModelSettings(workspaceId), ct)));

        settings.MapPut("", async Task<Ok<ModelSettingsDto>> (Guid workspaceId, ModelSettingsBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdateModelSettings(workspaceId, body.Overrides), ct)));
        return app;
    }
}
