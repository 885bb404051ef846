using FluentValidation;

namespace IaGenify.Application.Workspaces.Commands.RemoveMember;

internal sealed class RemoveMemberValidator : AbstractValidator<RemoveMember>
{
    public RemoveMemberValidator() => RuleFor(x => x.UserId).NotEmpty();
}
