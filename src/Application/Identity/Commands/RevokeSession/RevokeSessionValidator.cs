using FluentValidation;

namespace IaGenify.Application.Identity.Commands.RevokeSession;

internal sealed class RevokeSessionValidator : AbstractValidator<RevokeSession>
{
    public RevokeSessionValidator()
    {
        RuleFor(x => x.SessionId).NotEmpty().WithMessage("A session id is required.");
    }
}
