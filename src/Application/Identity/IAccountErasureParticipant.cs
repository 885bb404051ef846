using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity;

/// <summary>
/// A module's part in erasing an account (Workspaces: memberships, ownership, invitations to the address; Mailbox:
/// read marks and pending notifications). It runs before the user row is erased and stages its changes on the
/// scope's unit of work, so that the erasure commits whole or not at all.
/// </summary>
public interface IAccountErasureParticipant
{
    Task EraseAsync(User user, DateTimeOffset now, CancellationToken cancellationToken);
}
