using System.Text.Json.Nodes;
using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations.Generators;

/// <summary>
/// Applies a finished generation to the module that asked for it (fills a website, creates an asset), inside the
/// transaction that finishes the generation and settles its credits. A module registers one per kind it cares about.
/// </summary>
public interface IGenerationCompletion
{
    bool Handles(Generation generation);

    /// <summary>May throw <see cref="GenerationNotAppliedException"/>: the generation then fails and is not charged.</summary>
    Task OnSucceededAsync(Generation generation, JsonObject output, CancellationToken cancellationToken);

    Task OnFailedAsync(Generation generation, CancellationToken cancellationToken);
}
