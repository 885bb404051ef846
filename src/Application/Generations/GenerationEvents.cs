using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations;

/// <summary>
/// Data of <c>generation.succeeded</c> and <c>generation.failed</c>: ids and facts only, never the prompt or the
/// output (a receiver reads the output through the API). <see cref="WebsiteId"/> is set when a website asked for it.
/// </summary>
public sealed record GenerationEventData(Guid GenerationId, GenerationKind Kind, GenerationStatus Status, int Attempts, long Charged,
    string? ErrorCode, Guid? WebsiteId);
