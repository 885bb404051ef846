using FluentValidation;

namespace IaGenify.Application.Credits;

public static class IdempotencyKeyRules
{
    public const int MaxLength = 150;

    public static IRuleBuilderOptions<T, string> ValidIdempotencyKey<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("An Idempotency-Key header is required.")
            .MaximumLength(MaxLength).WithMessage($"The Idempotency-Key must have at most {MaxLength} characters.");
}
