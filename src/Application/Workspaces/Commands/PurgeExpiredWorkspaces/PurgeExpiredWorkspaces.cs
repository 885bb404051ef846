using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Purge;
using MediatR;

namespace IaGenify.Application.Workspaces.Commands.PurgeExpiredWorkspaces;

/// <summary>Runs the purge sweep now (the CLI's <c>workspaces purge-expired</c>).</summary>
public sealed record PurgeExpiredWorkspaces : ICommand<WorkspacePurgeResult>, IPlatformAdminRequest;

internal sealed class PurgeExpiredWorkspacesHandler(WorkspacePurger purger)
    : IRequestHandler<PurgeExpiredWorkspaces, WorkspacePurgeResult>
{
    public Task<WorkspacePurgeResult> Handle(PurgeExpiredWorkspaces request, CancellationToken cancellationToken) =>
        purger.PurgeDueAsync(cancellationToken);
}
