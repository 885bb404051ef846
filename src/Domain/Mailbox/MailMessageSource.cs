namespace IaGenify.Domain.Mailbox;

/// <summary>How a message reached the thread.</summary>
public enum MailMessageSource
{
    ContactForm,
    Email,
    Reply,
}
