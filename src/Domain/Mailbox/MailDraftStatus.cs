namespace IaGenify.Domain.Mailbox;

/// <summary>A draft is <c>Pending</c> while its generation runs; <c>Ready</c> with its text once it succeeded.</summary>
public enum MailDraftStatus
{
    Pending,
    Ready,
    Failed,
}
