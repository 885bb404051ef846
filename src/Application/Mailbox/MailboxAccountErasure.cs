using Ardalis.Specification;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Specifications;
using IaGenify.Application.Identity;
using IaGenify.Domain.Identity;
using IaGenify.Domain.Mailbox;

namespace IaGenify.Application.Mailbox;

/// <summary>
/// An erased member leaves no trace in the mailbox: their read marks go, and notifications still owed to them are
/// abandoned. Replies they wrote stay with the workspace (they were sent under its name and reply address).
/// </summary>
internal sealed class MailboxAccountErasure(IRepository<MailThreadRead> reads, IRepository<MailDelivery> deliveries) : IAccountErasureParticipant
{
    public async Task EraseAsync(User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var userId = user.Id;
        foreach (var read in await reads.ListAsync(new ReadsOfUserSpec(userId), cancellationToken))
            reads.Remove(read);
        foreach (var delivery in await deliveries.ListAsync(new PendingNotificationsOfUserSpec(userId), cancellationToken))
            delivery.Abandon("recipient_erased");
    }

    private sealed class ReadsOfUserSpec : Specification<MailThreadRead>
    {
        public ReadsOfUserSpec(Guid userId)
        {
            Query.IgnoreTenantFilter();
            Query.Where(r => r.UserId == userId);
        }
    }

    private sealed class PendingNotificationsOfUserSpec : Specification<MailDelivery>
    {
        public PendingNotificationsOfUserSpec(Guid userId)
        {
            Query.IgnoreTenantFilter();
            Query.Where(d => d.RecipientUserId == userId && d.NextAttemptAt != null);
        }
    }
}
