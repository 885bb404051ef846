using FluentValidation;

namespace IaGenify.Application.Workspaces.Commands.RevokeInvitation;

internal sealed class RevokeInvitationValidator : AbstractValidator<RevokeInvitation>
{
    public RevokeInvitationValidator() => RuleFor(x => x.InvitationId).NotEmpty();
}
