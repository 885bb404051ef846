using IaGenify.Domain.Common;

namespace IaGenify.Domain.Mailbox;

/// <summary>An AI reply draft for a thread, filled in when its <c>mailReply</c> generation succeeds.</summary>
public sealed class MailDraft : Entity, ITenantOwned
{
    public const int MaxInstructionLength = 1000;

    private MailDraft()
    {
    }

    public Guid WorkspaceId { get; private set; }
    public Guid ThreadId { get; private set; }
    public Guid GenerationId { get; private set; }
    public string? Instruction { get; private set; }
    public MailDraftStatus Status { get; private set; }
    public string? Subject { get; private set; }
    public string? Body { get; private set; }
    public Guid? RequestedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public static MailDraft Request(MailThread thread, Guid generationId, string? instruction, Guid? requestedBy, DateTimeOffset now)
    {
        var text = string.IsNullOrWhiteSpace(instruction) ? null : instruction.Trim();
        if (text is { Length: > MaxInstructionLength })
            throw new ArgumentException($"An instruction has at most {MaxInstructionLength} characters.", nameof(instruction));
        return new MailDraft
        {
            WorkspaceId = thread.WorkspaceId,
            ThreadId = thread.Id,
            GenerationId = generationId,
            Instruction = text,
            Status = MailDraftStatus.Pending,
            RequestedBy = requestedBy,
            CreatedAt = now,
        };
    }

    public void Fill(string subject, string body, DateTimeOffset now)
    {
        if (Status != MailDraftStatus.Pending)
            throw new BusinessRuleException("draft.finished", "This draft is already finished.");
        Subject = Guard.NotBlank(subject, MailThread.MaxSubjectLength, nameof(subject));
        Body = Guard.NotBlank(body, MailMessage.MaxBodyLength, nameof(body));
        Status = MailDraftStatus.Ready;
        CompletedAt = now;
    }

    public void Fail(DateTimeOffset now)
    {
        if (Status != MailDraftStatus.Pending)
            return;
        Status = MailDraftStatus.Failed;
        CompletedAt = now;
    }
}
