using System.Text.Json.Nodes;
using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations.Generators;

/// <summary>One attempt's work: the generation's input and settings, and why the previous attempt failed.</summary>
public sealed record GenerationJob(Guid GenerationId, Guid WorkspaceId, GenerationKind Kind, GenerationInput Input, ModelSettings Settings,
    int Attempt, GenerationError? PreviousError);

/// <summary>
/// Produces one kind's output: builds the prompt, calls the model and validates the answer. Throws
/// <c>ModelException</c> when the model fails and <see cref="OutputInvalidException"/> when its answer does not fit.
/// Runs outside any transaction.
/// </summary>
public interface IGenerator
{
    GenerationKind Kind { get; }

    /// <summary>The price-list operation this kind costs.</summary>
    string Operation { get; }

    Task<JsonObject> GenerateAsync(GenerationJob job, CancellationToken cancellationToken);

    /// <summary>
    /// Refuses input only this kind understands (a section's type) with a 400 before anything is staged; the kind's
    /// own module knows its rules, so Generations does not depend on it.
    /// </summary>
    void CheckInput(GenerationInput input)
    {
    }
}
