namespace IaGenify.Application.Mailbox.Ports;

public sealed record ClaimedMailDelivery(Guid Id, Guid WorkspaceId);

/// <summary>
/// The outbox of mailbox emails across workspaces. A claim counts an attempt and takes a lease
/// (<c>FOR UPDATE SKIP LOCKED</c>), so several senders never send one email at the same time; a sender that dies
/// loses the lease and the email is claimed again.
/// </summary>
public interface IMailDeliveryQueue
{
    Task<IReadOnlyList<ClaimedMailDelivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken);

    /// <summary>Hard-deletes threads that have been in the trash longer than the retention (their messages go with them).</summary>
    Task<int> PurgeTrashAsync(DateTimeOffset deletedBefore, CancellationToken cancellationToken);
}
