using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Events;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Events;
using IaGenify.Domain.Identity;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Commands.UpdateWorkspace;

/// <summary>
/// Changes the fields that are sent (a partial update): the name (admins and owners) and whether members must use
/// two-factor authentication (owners only). One transaction: either every sent field changes or none.
/// </summary>
[RequiresPermission(Permission.WorkspaceUpdate)]
public sealed record UpdateWorkspace(Guid WorkspaceId, string? Name, bool? RequireMfa) : ICommand<WorkspaceDto>, IWorkspaceRequest;

public sealed record WorkspaceMfaRequirementChangedData(Guid WorkspaceId, bool RequireMfa, Guid? ChangedBy);

internal sealed class UpdateWorkspaceHandler(
    RequestContext context,
    IRepository<Workspace> workspaces,
    IRepository<User> users,
    IAuditLog auditLog,
    IEventPublisher events,
    IUnitOfWork unitOfWork) : IRequestHandler<UpdateWorkspace, WorkspaceDto>
{
    public async Task<WorkspaceDto> Handle(UpdateWorkspace request, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.FirstOrNotFoundAsync(new WorkspaceByIdSpec(request.WorkspaceId), "Workspace", cancellationToken);
        var role = context.RequireWorkspaceRole();
        if (request.RequireMfa is { } required && required != workspace.RequireMfa)
        {
            var actorHasMfa = context.Principal.UserId is { } userId
                && await users.FirstOrDefaultAsync(new UserByIdSpec(userId), cancellationToken) is { IsTotpEnabled: true };
            workspace.SetMfaRequirement(required, role, actorHasMfa);
            auditLog.Record(AuditActions.WorkspaceMfaRequirementChanged, workspace.Id, "workspace", workspace.Id.ToString(),
                new Dictionary<string, string> { ["requireMfa"] = required ? "true" : "false" });
            events.Publish(workspace.Id, EventTypes.WorkspaceMfaRequirementChanged,
                new WorkspaceMfaRequirementChangedData(workspace.Id, required, context.Principal.ActorId));
        }
        if (request.Name is not null)
            workspace.Rename(request.Name);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return workspace.ToDto(role);
    }
}
