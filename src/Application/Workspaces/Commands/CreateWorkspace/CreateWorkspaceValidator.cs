using FluentValidation;

namespace IaGenify.Application.Workspaces.Commands.CreateWorkspace;

internal sealed class CreateWorkspaceValidator : AbstractValidator<CreateWorkspace>
{
    public CreateWorkspaceValidator() => RuleFor(x => x.Name).ValidWorkspaceName();
}
