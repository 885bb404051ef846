using IaGenify.Application.Common.Exceptions;
using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations.Generators;

/// <summary>The generator of each kind, as registered by the modules.</summary>
public sealed class GeneratorRegistry(IEnumerable<IGenerator> generators)
{
    private readonly Dictionary<GenerationKind, IGenerator> _byKind = generators.ToDictionary(g => g.Kind);

    public bool Supports(GenerationKind kind) => _byKind.ContainsKey(kind);

    public IGenerator For(GenerationKind kind) =>
        _byKind.TryGetValue(kind, out var generator)
            ? generator
            : throw RequestValidationException.For("kind", $"There is no generator for '{kind}'.");
}
