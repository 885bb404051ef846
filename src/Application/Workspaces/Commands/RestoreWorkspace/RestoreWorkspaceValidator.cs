using FluentValidation;

namespace IaGenify.Application.Workspaces.Commands.RestoreWorkspace;

internal sealed class RestoreWorkspaceValidator : AbstractValidator<RestoreWorkspace>
{
    public RestoreWorkspaceValidator() => RuleFor(x => x.WorkspaceId).NotEmpty();
}
