namespace IaGenify.Application.Workspaces.Ports;

/// <summary>
/// Lets a module prepare a new workspace in the transaction that creates it (Credits grants the welcome credits),
/// so Workspaces does not depend on the modules that build on it.
/// </summary>
public interface IWorkspaceSetupStep
{
    Task OnCreatedAsync(Guid workspaceId, CancellationToken cancellationToken);
}
