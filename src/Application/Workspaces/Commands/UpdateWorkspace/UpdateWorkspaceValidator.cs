using FluentValidation;

namespace IaGenify.Application.Workspaces.Commands.UpdateWorkspace;

internal sealed class UpdateWorkspaceValidator : AbstractValidator<UpdateWorkspace>
{
    public UpdateWorkspaceValidator()
    {
        RuleFor(x => x.Name!).ValidWorkspaceName().When(x => x.Name is not null);
        RuleFor(x => x)
            .Must(x => x.Name is not null || x.RequireMfa is not null)
            .OverridePropertyName("body")
            .WithMessage("Send at least one field to change: name or requireMfa.");
    }
}
