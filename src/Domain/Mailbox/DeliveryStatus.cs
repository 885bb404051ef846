namespace IaGenify.Domain.Mailbox;

/// <summary>
/// Inbound messages are <c>Received</c>. Outbound ones are <c>Pending</c> until the sender hands them to the email
/// port, then <c>Sent</c>; a failed attempt leaves them <c>Failed</c> with a next attempt planned (or none, once the
/// attempts are used up).
/// </summary>
public enum DeliveryStatus
{
    Received,
    Pending,
    Sent,
    Failed,
}
