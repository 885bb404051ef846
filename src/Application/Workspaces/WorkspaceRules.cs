using FluentValidation;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Workspaces;

public static class WorkspaceRules
{
    public static IRuleBuilderOptions<T, string> ValidWorkspaceName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("A name is required.")
            .MaximumLength(Workspace.MaxNameLength).WithMessage($"The name must have at most {Workspace.MaxNameLength} characters.")
            // The name goes into email subjects and page titles, where a line break or tab has no place.
            .Must(n => n is null || !n.Any(char.IsControl)).WithMessage("The name must not contain control characters (line breaks, tabs).");

    public static WorkspaceDto ToDto(this Workspace workspace, Role role) =>
        new(workspace.Id, workspace.Name, role, workspace.CreatedAt, workspace.DeletedAt, workspace.PurgeAfter, workspace.RequireMfa);

    public static InvitationDto ToDto(this Invitation invitation, DateTimeOffset now) =>
        new(invitation.Id, invitation.Email, invitation.Role, invitation.StatusAt(now), invitation.CreatedAt, invitation.ExpiresAt);
}
