using FluentValidation;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Admin.Commands.SuspendWorkspace;

internal sealed class SuspendWorkspaceValidator : AbstractValidator<SuspendWorkspace>
{
    public SuspendWorkspaceValidator() =>
        RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("A reason is required.")
            .MaximumLength(Workspace.MaxSuspensionReasonLength)
            .WithMessage($"The reason must have at most {Workspace.MaxSuspensionReasonLength} characters.");
}
