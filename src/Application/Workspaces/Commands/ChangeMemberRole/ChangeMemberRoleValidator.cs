using FluentValidation;

namespace IaGenify.Application.Workspaces.Commands.ChangeMemberRole;

internal sealed class ChangeMemberRoleValidator : AbstractValidator<ChangeMemberRole>
{
    public ChangeMemberRoleValidator()
    {
        RuleFor(x => x.UserId).NotEmpty();
        RuleFor(x => x.Role).IsInEnum().WithMessage("role must be one of owner, admin, member, viewer.");
    }
}
