using FluentValidation;

namespace IaGenify.Application.Generations;

public static class PromptRules
{
    public static IRuleBuilderOptions<T, string> ValidPrompt<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("A prompt is required.")
            .MaximumLength(GenerationInput.MaxPromptLength).WithMessage($"A prompt has at most {GenerationInput.MaxPromptLength} characters.");
}
