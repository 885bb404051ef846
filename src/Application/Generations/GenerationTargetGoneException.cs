using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations;

/// <summary>The website, page or section a generation was for was deleted before it finished.</summary>
public sealed class GenerationTargetGoneException(string what)
    : Exception($"The {what} this generation was for no longer exists.")
{
    public GenerationError Error => GenerationError.Of(GenerationErrorCodes.TargetGone, Message);
}
