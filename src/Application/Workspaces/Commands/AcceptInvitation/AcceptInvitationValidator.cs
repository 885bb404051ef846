using FluentValidation;

namespace IaGenify.Application.Workspaces.Commands.AcceptInvitation;

internal sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitation>
{
    public AcceptInvitationValidator() => RuleFor(x => x.Token).NotEmpty().WithMessage("A token is required.").MaximumLength(200);
}
