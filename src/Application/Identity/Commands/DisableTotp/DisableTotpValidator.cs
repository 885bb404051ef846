using FluentValidation;

namespace IaGenify.Application.Identity.Commands.DisableTotp;

internal sealed class DisableTotpValidator : AbstractValidator<DisableTotp>
{
    public DisableTotpValidator()
    {
        RuleFor(x => x.Password).NotEmpty().WithMessage("Your password is required.").MaximumLength(PasswordRules.MaxLength);
        RuleFor(x => x.Code).NotEmpty().WithMessage("A code from your authenticator app is required.").MaximumLength(20);
    }
}
