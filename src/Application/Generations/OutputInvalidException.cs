using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations;

/// <summary>The model answered, but not with what the schema asks. The errors name paths, never values.</summary>
public sealed class OutputInvalidException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The model's output does not follow the schema.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public GenerationError Error => GenerationError.Of(GenerationErrorCodes.OutputInvalid,
        "The output did not follow the schema: " + string.Join("; ", Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

    public static OutputInvalidException For(string path, string message) => new(new Dictionary<string, string[]> { [path] = [message] });
}
