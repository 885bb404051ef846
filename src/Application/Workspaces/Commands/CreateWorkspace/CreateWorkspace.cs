using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Ports;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Workspaces.Commands.CreateWorkspace;

/// <summary>Creates a workspace; the caller becomes its owner and each module's setup step runs (welcome credits).</summary>
public sealed record CreateWorkspace(string Name) : ICommand<WorkspaceDto>, IUserRequest;

internal sealed class CreateWorkspaceHandler(
    RequestContext context,
    IRepository<Workspace> workspaces,
    IEnumerable<IWorkspaceSetupStep> setupSteps,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<CreateWorkspace, WorkspaceDto>
{
    public async Task<WorkspaceDto> Handle(CreateWorkspace request, CancellationToken cancellationToken)
    {
        var workspace = Workspace.Create(request.Name, context.Principal.RequireUserId(), clock.GetUtcNow());
        workspaces.Add(workspace);
        foreach (var step in setupSteps)
            await step.OnCreatedAsync(workspace.Id, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return workspace.ToDto(Role.Owner);
    }
}
