using IaGenify.Application.Common.Email;
using IaGenify.Domain.Common;

namespace IaGenify.Infrastructure.Email;

/// <summary>
/// An account or platform email in the transactional outbox, written with the change that causes it. The dispatcher
/// claims it under a lease, sends it and records the attempt; <see cref="SentAt"/> is the proof it went out.
/// </summary>
public sealed class OutboxEmail : Entity
{
    public const int TypeMaxLength = 100;
    public const int ErrorMaxLength = 200;

    private OutboxEmail()
    {
        Type = Recipient = Subject = Body = string.Empty;
        References = [];
    }

    public string Type { get; private set; }
    public string Recipient { get; private set; }
    public string Subject { get; private set; }
    public string Body { get; private set; }
    public string? FromName { get; private set; }
    public string? FromAddress { get; private set; }
    public string? ReplyTo { get; private set; }
    public string? MessageId { get; private set; }
    public string? InReplyTo { get; private set; }
    public string[] References { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public Guid? LeaseToken { get; private set; }
    public DateTimeOffset? LeaseExpiresAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public static OutboxEmail Create(EmailMessage message, string type, DateTimeOffset now) => new()
    {
        Type = type,
        Recipient = message.To,
        Subject = message.Subject,
        Body = message.Body,
        FromName = message.From?.Name,
        FromAddress = message.From?.Address,
        ReplyTo = message.ReplyTo,
        MessageId = message.MessageId,
        InReplyTo = message.InReplyTo,
        References = [.. message.References],
        NextAttemptAt = now,
        CreatedAt = now,
    };
}
