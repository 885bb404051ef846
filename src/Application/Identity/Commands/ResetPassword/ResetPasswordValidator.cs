using FluentValidation;

namespace IaGenify.Application.Identity.Commands.ResetPassword;

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator()
    {
        RuleFor(x => x.Token).NotEmpty().WithMessage("A token is required.").MaximumLength(200);
        RuleFor(x => x.NewPassword).ValidPassword();
    }
}
