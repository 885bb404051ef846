namespace IaGenify.Domain.Mailbox;

/// <summary>What an outgoing email is: a member's reply to the visitor, or a notice to a member that a message arrived.</summary>
public enum MailDeliveryKind
{
    Reply,
    Notification,
}
