using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations;

/// <summary>
/// A generation's output cannot be applied to what asked for it (the website, page or section was deleted, or the
/// website is full). The generation then fails and is not charged.
/// </summary>
public sealed class GenerationNotAppliedException(GenerationError error) : Exception(error.Message)
{
    public GenerationError Error { get; } = error;

    public static GenerationNotAppliedException TargetGone(string what) =>
        new(GenerationError.Of(GenerationErrorCodes.TargetGone, $"The {what} this generation was for no longer exists."));

    public static GenerationNotAppliedException Refused(string code, string message) => new(GenerationError.Of(code, message));
}
