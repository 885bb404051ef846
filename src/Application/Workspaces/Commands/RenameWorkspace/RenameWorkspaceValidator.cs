using FluentValidation;

namespace IaGenify.Application.Workspaces.Commands.RenameWorkspace;

internal sealed class RenameWorkspaceValidator : AbstractValidator<RenameWorkspace>
{
    public RenameWorkspaceValidator() => RuleFor(x => x.Name).ValidWorkspaceName();
}
