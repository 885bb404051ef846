using FluentValidation;

namespace IaGenify.Application.Workspaces.Commands.DeleteWorkspace;

internal sealed class DeleteWorkspaceValidator : AbstractValidator<DeleteWorkspace>
{
    public DeleteWorkspaceValidator() => RuleFor(x => x.WorkspaceId).NotEmpty();
}
