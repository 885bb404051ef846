using IaGenify.Domain.Common;

namespace IaGenify.Domain.Mailbox;

/// <summary>
/// An email the mailbox owes someone, in the transactional outbox: staged in the transaction that caused it (a
/// reply, a received message), then sent by the background sender under a lease. A failed attempt is retried with
/// growing delays until <c>maxAttempts</c>; the row is the proof of what was sent and when.
/// </summary>
public sealed class MailDelivery : Entity, ITenantOwned
{
    public const int MaxErrorLength = 200;

    private MailDelivery()
    {
    }

    public Guid WorkspaceId { get; private set; }
    public Guid ThreadId { get; private set; }
    public Guid MessageId { get; private set; }
    public MailDeliveryKind Kind { get; private set; }

    /// <summary>The member notified (notifications only); replies go to the thread's visitor.</summary>
    public Guid? RecipientUserId { get; private set; }

    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public DateTimeOffset? LeaseExpiresAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public static MailDelivery ForReply(MailMessage reply, DateTimeOffset now) =>
        Create(reply, MailDeliveryKind.Reply, null, now);

    public static MailDelivery ForNotification(MailMessage received, Guid memberUserId, DateTimeOffset now) =>
        Create(received, MailDeliveryKind.Notification, memberUserId, now);

    private static MailDelivery Create(MailMessage message, MailDeliveryKind kind, Guid? recipient, DateTimeOffset now) => new()
    {
        WorkspaceId = message.WorkspaceId,
        ThreadId = message.ThreadId,
        MessageId = message.Id,
        Kind = kind,
        RecipientUserId = recipient,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    public void MarkSent(DateTimeOffset now)
    {
        if (Status == DeliveryStatus.Sent)
            throw new BusinessRuleException("mail.already_sent", "This email was sent already.");
        Status = DeliveryStatus.Sent;
        SentAt = now;
        NextAttemptAt = null;
        LeaseExpiresAt = null;
        LastError = null;
    }

    /// <summary>Records a failed attempt (the claim counted it) and plans the next one, if any is left.</summary>
    public void MarkFailed(string error, DateTimeOffset now, int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        Status = DeliveryStatus.Failed;
        LastError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
        LeaseExpiresAt = null;
        if (Attempts >= maxAttempts)
        {
            NextAttemptAt = null;
            return;
        }
        var delay = TimeSpan.FromTicks(Math.Min(maxDelay.Ticks, baseDelay.Ticks * (1L << Math.Min(Attempts - 1, 20))));
        NextAttemptAt = now + delay;
    }

    /// <summary>Abandons a delivery that can no longer be made (its thread or recipient is gone).</summary>
    public void Abandon(string reason)
    {
        Status = DeliveryStatus.Failed;
        LastError = reason;
        NextAttemptAt = null;
        LeaseExpiresAt = null;
    }
}
