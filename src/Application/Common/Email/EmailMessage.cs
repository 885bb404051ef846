namespace IaGenify.Application.Common.Email;

/// <summary>
/// A plain-text email. The optional headers serve conversations (the mailbox): <see cref="From"/> and
/// <see cref="ReplyTo"/> override the platform sender, and <see cref="MessageId"/>, <see cref="InReplyTo"/> and
/// <see cref="References"/> (Message-IDs with their angle brackets) let mail clients thread the answers.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string Body)
{
    public EmailAddressWithName? From { get; init; }
    public string? ReplyTo { get; init; }
    public string? MessageId { get; init; }
    public string? InReplyTo { get; init; }
    public IReadOnlyList<string> References { get; init; } = [];
}

public sealed record EmailAddressWithName(string Name, string Address);
