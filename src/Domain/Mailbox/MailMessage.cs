using IaGenify.Domain.Common;

namespace IaGenify.Domain.Mailbox;

/// <summary>
/// One message of a thread. <see cref="Body"/> is what the inbox shows (for an email answer: the new text only);
/// <see cref="RawBody"/> keeps the whole text as received. Outbound messages carry their delivery state: they are
/// stored first and sent by the background sender, so a reply is never lost and is sent once per attempt.
/// </summary>
public sealed class MailMessage : Entity, ITenantOwned
{
    public const int MaxBodyLength = 10 * 1024;
    public const int MaxRawBodyLength = 256 * 1024;
    public const int MaxPhoneLength = 40;
    public const int MaxMessageIdLength = 250;
    public const int MaxAttachments = 10;

    private MailMessage()
    {
        FromName = string.Empty;
        FromEmail = string.Empty;
        ToEmail = string.Empty;
        Body = string.Empty;
        InternetMessageId = string.Empty;
    }

    public Guid WorkspaceId { get; private set; }
    public Guid ThreadId { get; private set; }
    public MailDirection Direction { get; private set; }
    public MailMessageSource Source { get; private set; }
    public string FromName { get; private set; }
    public string FromEmail { get; private set; }
    public string ToEmail { get; private set; }
    public string Body { get; private set; }
    public string? RawBody { get; private set; }
    public string? Phone { get; private set; }

    /// <summary>The RFC 5322 Message-ID, angle brackets included: replies point at it with In-Reply-To.</summary>
    public string InternetMessageId { get; private set; }

    public string? InReplyTo { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DeliveryStatus DeliveryStatus { get; private set; }
    public Guid? SentByUserId { get; private set; }
    public Guid? DraftId { get; private set; }

    /// <summary>Assets made of the images attached to an email answer.</summary>
    public List<Guid> AttachmentAssetIds { get; private set; } = [];

    internal static MailMessage Inbound(MailThread thread, MailMessageSource source, string fromName, string fromEmail, string? toEmail,
        string body, string? rawBody, string? phone, string internetMessageId, string? inReplyTo, DateTimeOffset now) => new()
    {
        WorkspaceId = thread.WorkspaceId,
        ThreadId = thread.Id,
        Direction = MailDirection.Inbound,
        Source = source,
        FromName = MailText.Clip(fromName.Trim(), MailThread.MaxNameLength),
        FromEmail = EmailAddress.Normalize(fromEmail),
        ToEmail = toEmail is null ? string.Empty : EmailAddress.Normalize(toEmail),
        Body = BodyOf(body),
        RawBody = rawBody is null ? null : MailText.Clip(rawBody, MaxRawBodyLength),
        Phone = string.IsNullOrWhiteSpace(phone) ? null : MailText.Clip(phone.Trim(), MaxPhoneLength),
        InternetMessageId = Guard.NotBlank(internetMessageId, MaxMessageIdLength, nameof(internetMessageId)),
        InReplyTo = inReplyTo is null ? null : MailText.Clip(inReplyTo, MaxMessageIdLength),
        CreatedAt = now,
        DeliveryStatus = DeliveryStatus.Received,
    };

    internal static MailMessage Outbound(MailThread thread, string fromName, string fromEmail, string toEmail, string body,
        string internetMessageId, string? inReplyTo, Guid sentBy, Guid? draftId, DateTimeOffset now) => new()
    {
        WorkspaceId = thread.WorkspaceId,
        ThreadId = thread.Id,
        Direction = MailDirection.Outbound,
        Source = MailMessageSource.Reply,
        FromName = MailText.Clip(fromName.Trim(), MailThread.MaxNameLength),
        FromEmail = EmailAddress.Normalize(fromEmail),
        ToEmail = EmailAddress.Normalize(toEmail),
        Body = BodyOf(body),
        InternetMessageId = Guard.NotBlank(internetMessageId, MaxMessageIdLength, nameof(internetMessageId)),
        InReplyTo = inReplyTo,
        CreatedAt = now,
        DeliveryStatus = DeliveryStatus.Pending,
        SentByUserId = sentBy,
        DraftId = draftId,
    };

    public void AttachAssets(IEnumerable<Guid> assetIds) => AttachmentAssetIds = [.. AttachmentAssetIds.Concat(assetIds).Take(MaxAttachments)];

    public void MarkSent(DateTimeOffset now)
    {
        EnsureOutbound();
        DeliveryStatus = DeliveryStatus.Sent;
        SentAt = now;
    }

    public void MarkFailed()
    {
        EnsureOutbound();
        DeliveryStatus = DeliveryStatus.Failed;
    }

    private void EnsureOutbound()
    {
        if (Direction != MailDirection.Outbound)
            throw new InvalidOperationException("Only outbound messages are delivered.");
    }

    private static string BodyOf(string body)
    {
        var text = Guard.NotBlank(body, int.MaxValue, nameof(body));
        return text.Length <= MaxBodyLength ? text : throw new ArgumentException($"A message has at most {MaxBodyLength} characters.", nameof(body));
    }
}
