using FluentValidation;

namespace IaGenify.Application.Identity.Commands.ChangePassword;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Your current password is required.")
            .MaximumLength(PasswordRules.MaxLength);
        RuleFor(x => x.NewPassword).ValidPassword();
    }
}
