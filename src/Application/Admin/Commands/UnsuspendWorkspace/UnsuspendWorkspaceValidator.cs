using FluentValidation;

namespace IaGenify.Application.Admin.Commands.UnsuspendWorkspace;

internal sealed class UnsuspendWorkspaceValidator : AbstractValidator<UnsuspendWorkspace>
{
    public UnsuspendWorkspaceValidator() => RuleFor(x => x.WorkspaceId).NotEmpty();
}
