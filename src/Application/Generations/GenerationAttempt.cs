using System.Text.Json.Nodes;

namespace IaGenify.Application.Generations;

/// <summary>
/// What one attempt of a claimed generation produced, before anything is written: the model's output, or why there is
/// none. <see cref="Lost"/>: the job's lease was gone before the model was called, and nothing was attempted.
/// </summary>
public sealed record GenerationAttempt(int Attempts, JsonObject? Output, AttemptFailure? Failure, bool Lost = false)
{
    public static GenerationAttempt LeaseLost(int attempts) => new(attempts, null, null, Lost: true);
}
