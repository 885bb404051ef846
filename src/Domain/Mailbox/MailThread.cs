using IaGenify.Domain.Common;

namespace IaGenify.Domain.Mailbox;

/// <summary>
/// A conversation between a workspace and one visitor, started by a contact form of one of its sites. Messages are
/// appended through the thread, which keeps the counters and the snippet the inbox lists. Replies by email find
/// the thread through <see cref="ReplyToken"/>, the unguessable part of its reply address.
/// </summary>
public sealed class MailThread : Entity, ITenantOwned
{
    public const int MaxSubjectLength = 200;
    public const int MaxNameLength = 100;
    public const int MaxSnippetLength = 160;
    public const int ReplyTokenLength = 32;

    /// <summary>A visitor writing again within this window continues their open thread instead of starting one.</summary>
    public static readonly TimeSpan ContinuationWindow = TimeSpan.FromDays(7);

    /// <summary>How long a deleted thread stays in the trash before it is purged.</summary>
    public static readonly TimeSpan TrashRetention = TimeSpan.FromDays(30);

    private readonly List<MailMessage> _messages = [];

    private MailThread()
    {
        Subject = string.Empty;
        SenderName = string.Empty;
        SenderEmail = string.Empty;
        ReplyToken = string.Empty;
        Snippet = string.Empty;
    }

    public Guid WorkspaceId { get; private set; }
    public Guid? WebsiteId { get; private set; }
    public string Subject { get; private set; }
    public string SenderName { get; private set; }
    public string SenderEmail { get; private set; }
    public MailThreadStatus Status { get; private set; }
    public string ReplyToken { get; private set; }
    public int MessageCount { get; private set; }
    public string Snippet { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastMessageAt { get; private set; }

    /// <summary>When the visitor last wrote; a thread is unread for a member who has not read it since.</summary>
    public DateTimeOffset LastInboundAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }
    public IReadOnlyCollection<MailMessage> Messages => _messages;

    public bool IsInTrash => DeletedAt is not null;

    public static MailThread Start(Guid workspaceId, Guid? websiteId, string subject, string senderName, string senderEmail, bool spam,
        string replyToken, DateTimeOffset now)
    {
        if (workspaceId == Guid.Empty)
            throw new ArgumentException("A thread belongs to a workspace.", nameof(workspaceId));
        if (replyToken.Length != ReplyTokenLength || !replyToken.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException($"A reply token is {ReplyTokenLength} letters or digits.", nameof(replyToken));
        return new MailThread
        {
            WorkspaceId = workspaceId,
            WebsiteId = websiteId,
            Subject = MailText.Clip(Guard.NotBlank(subject, int.MaxValue, nameof(subject)), MaxSubjectLength),
            SenderName = MailText.Clip(Guard.NotBlank(senderName, int.MaxValue, nameof(senderName)), MaxNameLength),
            SenderEmail = EmailAddress.Normalize(Guard.NotBlank(senderEmail, 254, nameof(senderEmail))),
            Status = spam ? MailThreadStatus.Spam : MailThreadStatus.Open,
            ReplyToken = replyToken,
            CreatedAt = now,
            LastMessageAt = now,
            LastInboundAt = now,
        };
    }

    /// <summary>Whether a new submission of this sender on this site belongs here rather than in a new thread.</summary>
    public bool Continues(Guid? websiteId, string senderEmail, DateTimeOffset now) =>
        Status == MailThreadStatus.Open && !IsInTrash && WebsiteId == websiteId
        && SenderEmail == EmailAddress.Normalize(senderEmail) && now - LastInboundAt <= ContinuationWindow;

    /// <summary>A message from the visitor: a contact submission or an answer by email.</summary>
    public MailMessage ReceiveInbound(MailMessageSource source, string fromName, string fromEmail, string? toEmail, string body,
        string? rawBody, string? phone, string internetMessageId, string? inReplyTo, DateTimeOffset now)
    {
        EnsureNotInTrash();
        // The visitor wrote again: an archived conversation is live again (spam stays spam).
        if (Status == MailThreadStatus.Archived)
            Status = MailThreadStatus.Open;
        var message = MailMessage.Inbound(this, source, fromName, fromEmail, toEmail, body, rawBody, phone, internetMessageId, inReplyTo, now);
        Append(message);
        LastInboundAt = now;
        return message;
    }

    /// <summary>A member's reply to the visitor, to be sent by the background sender.</summary>
    public MailMessage Reply(string fromName, string fromEmail, string body, string internetMessageId, Guid sentBy, Guid? draftId,
        DateTimeOffset now)
    {
        EnsureNotInTrash();
        var last = _messages.Count > 0 ? _messages.MaxBy(m => m.CreatedAt) : null;
        var message = MailMessage.Outbound(this, fromName, fromEmail, SenderEmail, body, internetMessageId, last?.InternetMessageId, sentBy,
            draftId, now);
        Append(message);
        return message;
    }

    public void ChangeStatus(MailThreadStatus status)
    {
        EnsureNotInTrash();
        if (!Enum.IsDefined(status))
            throw new ArgumentOutOfRangeException(nameof(status));
        Status = status;
    }

    public void MoveToTrash(DateTimeOffset now)
    {
        EnsureNotInTrash();
        DeletedAt = now;
    }

    public bool IsPurgeDue(DateTimeOffset now) => DeletedAt is { } deletedAt && now - deletedAt >= TrashRetention;

    private void Append(MailMessage message)
    {
        _messages.Add(message);
        MessageCount++;
        LastMessageAt = message.CreatedAt;
        Snippet = MailText.Clip(string.Join(' ', message.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), MaxSnippetLength);
    }

    private void EnsureNotInTrash()
    {
        if (IsInTrash)
            throw new NotFoundException("Thread");
    }
}
