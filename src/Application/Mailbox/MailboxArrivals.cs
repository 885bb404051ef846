using IaGenify.Application.Common.Events;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Mailbox.Specifications;
using IaGenify.Domain.Events;
using IaGenify.Domain.Mailbox;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Mailbox;

/// <summary>The webhook event's data: ids only, never the visitor's words.</summary>
public sealed record MailboxMessageReceivedData(Guid Id, Guid ThreadId);

/// <summary>
/// What follows a message from a visitor, staged in the transaction that stores it: one notification email per
/// member who may use the mailbox (sent from the outbox, retried) and the <c>mailbox.message_received</c> event.
/// Spam raises neither.
/// </summary>
public sealed class MailboxArrivals(IRepository<Membership> memberships, IRepository<MailDelivery> deliveries, IEventPublisher events,
    TimeProvider clock)
{
    public async Task AnnounceAsync(MailThread thread, MailMessage message, CancellationToken cancellationToken)
    {
        if (thread.Status == MailThreadStatus.Spam)
            return;
        var now = clock.GetUtcNow();
        foreach (var member in await memberships.ListAsync(new MembersWithAccountsSpec(thread.WorkspaceId), cancellationToken))
            if (member.Role.Grants(Permission.MailboxUse) && member.User is { DeletedAt: null })
                deliveries.Add(MailDelivery.ForNotification(message, member.UserId, now));
        events.Publish(thread.WorkspaceId, EventTypes.MailboxMessageReceived, new MailboxMessageReceivedData(message.Id, thread.Id));
    }
}
