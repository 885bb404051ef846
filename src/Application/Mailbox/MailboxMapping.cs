using IaGenify.Domain.Mailbox;

namespace IaGenify.Application.Mailbox;

internal static class MailboxMapping
{
    public static MailThreadDto ToDto(MailThread thread, IEnumerable<MailDraft> drafts, bool unread) => new(
        thread.Id, thread.Subject, thread.Status, thread.WebsiteId, new MailPartyDto(thread.SenderName, thread.SenderEmail), unread,
        [.. thread.Messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(ToDto)],
        [.. drafts.Select(ToDto)]);

    public static MailMessageDto ToDto(MailMessage m) => new(m.Id, m.Direction, new MailPartyDto(m.FromName, m.FromEmail), m.ToEmail,
        m.Body, m.CreatedAt, m.SentAt, m.DeliveryStatus, m.AttachmentAssetIds);

    public static MailDraftDto ToDto(MailDraft d) => new(d.Id, d.GenerationId, d.Status, d.Instruction, d.Subject, d.Body, d.CreatedAt,
        d.CompletedAt);
}
