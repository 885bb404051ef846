using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity.Ports;

/// <summary>
/// Lets a module erase or hand over what it holds of an account being erased (Workspaces: memberships, ownership,
/// invitations to the address). Runs before the user row is erased, on the same unit of work; stages changes only.
/// </summary>
public interface IAccountErasureParticipant
{
    Task EraseAsync(User user, DateTimeOffset now, CancellationToken cancellationToken);
}
