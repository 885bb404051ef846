using FluentValidation;

namespace IaGenify.Application.Identity.Commands.RefreshSession;

internal sealed class RefreshSessionValidator : AbstractValidator<RefreshSession>
{
    public RefreshSessionValidator()
    {
        RuleFor(x => x.RefreshToken).NotEmpty().WithMessage("A refresh token is required.").MaximumLength(200);
    }
}
