using System.Text.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Generations;

namespace IaGenify.Api.Tests.Generations;

/// <summary>
/// The parts of a generation's free-form output the tests look at. The API answers the output as the validated JSON
/// (<see cref="GenerationDto.Output"/>), so these records are the tests' own reading of it.
/// </summary>
public sealed record WebsiteOutput(string Provider, string? Model, string Name, IReadOnlyList<OutputPage> Pages);

public sealed record OutputPage(string Path, IReadOnlyList<OutputSection> Sections);

public sealed record OutputSection(string Type, JsonElement Props);

public sealed record SectionOutput(string Type, FaqProps Props);

public sealed record FaqProps(IReadOnlyList<JsonElement> Items);

public sealed record HeroProps(string Heading);

public sealed record ImageOutput(string Provider, Guid AssetId);

public static class GenerationOutputs
{
    /// <summary>Reads a succeeded generation's output as <typeparamref name="T"/>, with the API's wire rules.</summary>
    public static T OutputAs<T>(this GenerationDto generation) =>
        generation.Output is { } output
            ? output.As<T>()
            : throw new InvalidOperationException($"Generation {generation.Id} is {generation.Status} and has no output.");

    /// <summary>Reads a free-form part of an output (a section's props) as <typeparamref name="T"/>.</summary>
    public static T As<T>(this JsonElement element) =>
        element.Deserialize<T>(ApiJson.Options) ?? throw new InvalidOperationException($"The element is null, not a {typeof(T).Name}.");
}
