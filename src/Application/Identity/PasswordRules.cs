using FluentValidation;

namespace IaGenify.Application.Identity;

public static class PasswordRules
{
    public const int MinLength = 8;
    // Bounded so that hashing cost stays bounded too.
    public const int MaxLength = 128;

    public static IRuleBuilderOptions<T, string> ValidPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("A password is required.")
            .Length(MinLength, MaxLength).WithMessage($"The password must have {MinLength} to {MaxLength} characters.");
}
