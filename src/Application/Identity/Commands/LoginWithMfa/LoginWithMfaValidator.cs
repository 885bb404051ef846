using FluentValidation;

namespace IaGenify.Application.Identity.Commands.LoginWithMfa;

internal sealed class LoginWithMfaValidator : AbstractValidator<LoginWithMfa>
{
    public LoginWithMfaValidator()
    {
        RuleFor(x => x.MfaToken).NotEmpty().WithMessage("The mfaToken from the sign-in is required.").MaximumLength(200);
        RuleFor(x => x.Code).MaximumLength(20);
        RuleFor(x => x.RecoveryCode).MaximumLength(40);
        RuleFor(x => x)
            .Must(x => string.IsNullOrEmpty(x.Code) != string.IsNullOrEmpty(x.RecoveryCode))
            .WithName("code")
            .OverridePropertyName("code")
            .WithMessage("Send either a code from your authenticator app or a recovery code.");
    }
}
