using System.Text.Json;
using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations;

/// <summary>What a submission answers: enough to follow the job.</summary>
public sealed record SubmittedGenerationDto(Guid Id, GenerationStatus Status, long Price);

public sealed record GenerationErrorDto(string Code, string Message);

/// <summary>
/// A generation as clients see it. <see cref="Output"/> is the validated structured output (success only), marked with
/// the provider that made it; <see cref="NextAttemptAt"/> is set while a retry waits.
/// </summary>
public sealed record GenerationDto(Guid Id, GenerationKind Kind, GenerationStatus Status, int Attempts, GenerationErrorDto? Error,
    JsonElement? Output, long Price, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
    DateTimeOffset? NextAttemptAt)
{
    public static GenerationDto From(Generation generation) => new(
        generation.Id,
        generation.Kind,
        generation.Status,
        generation.Attempts,
        generation.ErrorCode is { } code ? new GenerationErrorDto(code, generation.ErrorMessage ?? "") : null,
        generation.Output is { } output ? JsonDocument.Parse(output).RootElement.Clone() : null,
        generation.Price,
        generation.CreatedAt,
        generation.StartedAt,
        generation.CompletedAt,
        generation.Status == GenerationStatus.Queued && generation.Attempts > 0 ? generation.RunAfter : null);
}

/// <summary>A list row: everything but the output, which can be large.</summary>
public sealed record GenerationSummaryDto(Guid Id, GenerationKind Kind, GenerationStatus Status, int Attempts, string? ErrorCode,
    long Price, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);
