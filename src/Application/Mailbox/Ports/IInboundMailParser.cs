namespace IaGenify.Application.Mailbox.Ports;

public sealed record InboundAttachment(string? FileName, string ContentType, byte[] Content);

/// <summary>An RFC 5322 message as the mailbox needs it. Addresses are bare (no display name); Message-IDs keep their angle brackets.</summary>
public sealed record InboundMail(
    string? FromName,
    string FromEmail,
    IReadOnlyList<string> To,
    string Subject,
    string? MessageId,
    string? InReplyTo,
    IReadOnlyList<string> References,
    string TextBody,
    IReadOnlyList<InboundAttachment> Attachments);

/// <summary>Reads a raw email (MIME). Throws <see cref="InvalidDataException"/> when it is not a usable message.</summary>
public interface IInboundMailParser
{
    Task<InboundMail> ParseAsync(Stream raw, long maxAttachmentBytes, CancellationToken cancellationToken);
}
