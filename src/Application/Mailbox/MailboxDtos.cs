using IaGenify.Domain.Mailbox;

namespace IaGenify.Application.Mailbox;

public sealed record MailPartyDto(string Name, string Email);

public sealed record MailThreadSummaryDto(Guid Id, string Subject, Guid? WebsiteId, MailPartyDto From, MailThreadStatus Status, bool Unread,
    int MessageCount, DateTimeOffset LastMessageAt, string Snippet);

public sealed record MailMessageDto(Guid Id, MailDirection Direction, MailPartyDto From, string To, string Body, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, DeliveryStatus DeliveryStatus, IReadOnlyList<Guid> AttachmentAssetIds);

public sealed record MailDraftDto(Guid Id, Guid GenerationId, MailDraftStatus Status, string? Instruction, string? Subject, string? Body,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

public sealed record MailThreadDto(Guid Id, string Subject, MailThreadStatus Status, Guid? WebsiteId, MailPartyDto From, bool Unread,
    IReadOnlyList<MailMessageDto> Messages, IReadOnlyList<MailDraftDto> Drafts);

public sealed record ThreadPage(IReadOnlyList<MailThreadSummaryDto> Items, string? NextCursor);

public sealed record ContactReceivedDto(bool Received);

public sealed record DraftRequestedDto(Guid GenerationId, Guid DraftId);

public sealed record InboundMailResultDto(bool Accepted, Guid? ThreadId, Guid? MessageId);
