using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Credits;
using IaGenify.Application.Credits.Ports;
using IaGenify.Domain.Credits;
using IaGenify.Domain.Workspaces;
using MediatR;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Workspaces.Commands.CreateWorkspace;

/// <summary>Creates a workspace; the caller becomes its owner and it receives the welcome credits.</summary>
public sealed record CreateWorkspace(string Name) : ICommand<WorkspaceDto>, IUserRequest;

internal sealed class CreateWorkspaceHandler(
    RequestContext context,
    IRepository<Workspace> workspaces,
    ICreditLedger ledger,
    IOptions<CreditOptions> credits,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<CreateWorkspace, WorkspaceDto>
{
    public async Task<WorkspaceDto> Handle(CreateWorkspace request, CancellationToken cancellationToken)
    {
        var workspace = Workspace.Create(request.Name, context.Principal.RequireUserId(), clock.GetUtcNow());
        workspaces.Add(workspace);
        if (credits.Value.WelcomeGrant > 0)
            await ledger.GrantAsync(workspace.Id, new CreditGrantRequest(GrantSource.Welcome, credits.Value.WelcomeGrant, Reference: "welcome"),
                $"welcome:{workspace.Id}", cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return workspace.ToDto(Role.Owner);
    }
}
