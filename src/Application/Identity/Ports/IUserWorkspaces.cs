using IaGenify.Application.Identity.Queries.GetMe;

namespace IaGenify.Application.Identity.Ports;

/// <summary>The workspaces a user belongs to, for "me"; answered by Workspaces, which builds on Identity.</summary>
public interface IUserWorkspaces
{
    /// <summary>Not deleted workspaces, by name, with the user's role in each.</summary>
    Task<IReadOnlyList<MyWorkspaceDto>> ListAsync(Guid userId, CancellationToken cancellationToken);
}
