namespace IaGenify.Domain.Mailbox;

/// <summary>Inbound: written by the visitor (contact form or email answer). Outbound: a member's reply.</summary>
public enum MailDirection
{
    Inbound,
    Outbound,
}
