using FluentValidation;

namespace IaGenify.Application.Identity.Commands.Logout;

internal sealed class LogoutValidator : AbstractValidator<Logout>
{
    public LogoutValidator()
    {
        RuleFor(x => x.RefreshToken).NotEmpty().WithMessage("A refresh token is required.").MaximumLength(200);
    }
}
