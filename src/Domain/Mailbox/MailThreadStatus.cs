namespace IaGenify.Domain.Mailbox;

/// <summary>Where a thread sits in the inbox. Spam holds contact submissions caught by the honeypot (or moved there by a member).</summary>
public enum MailThreadStatus
{
    Open,
    Archived,
    Spam,
}
