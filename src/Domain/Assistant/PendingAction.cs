using IaGenify.Domain.Common;

namespace IaGenify.Domain.Assistant;

/// <summary>
/// A tool call the assistant proposed that spends credits or changes or destroys data. It runs only when the user
/// confirms, as the user; it is resolved once (confirmed, failed or rejected).
/// </summary>
public sealed class PendingAction : Entity, ITenantOwned
{
    public const int MaxSummaryLength = 300;

    private PendingAction()
    {
        ToolCallId = string.Empty;
        Tool = string.Empty;
        Arguments = "{}";
        Summary = string.Empty;
    }

    internal PendingAction(Guid workspaceId, Guid conversationId, string toolCallId, string tool, string arguments, string summary,
        long? price, DateTimeOffset now)
    {
        WorkspaceId = workspaceId;
        ConversationId = conversationId;
        ToolCallId = toolCallId;
        Tool = tool;
        Arguments = arguments;
        Summary = summary.Length <= MaxSummaryLength ? summary : summary[..(MaxSummaryLength - 1)] + "…";
        Price = price;
        Status = PendingActionStatus.Pending;
        CreatedAt = now;
    }

    public Guid WorkspaceId { get; private set; }
    public Guid ConversationId { get; private set; }
    public string ToolCallId { get; private set; }
    public string Tool { get; private set; }

    /// <summary>The tool's arguments as JSON, exactly as they will be sent on confirmation.</summary>
    public string Arguments { get; private set; }

    public string Summary { get; private set; }
    public long? Price { get; private set; }
    public PendingActionStatus Status { get; private set; }

    /// <summary>The tool's JSON result once confirmed (its DTO, or its error).</summary>
    public string? Result { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>Claims the action for running; a second confirmation (or a rejected action) is refused.</summary>
    public void EnsurePending()
    {
        if (Status != PendingActionStatus.Pending)
            throw new BusinessRuleException("assistant.action_resolved", $"This action was already {Status.ToString().ToLowerInvariant()}.");
    }

    public void Complete(bool succeeded, string result, DateTimeOffset now)
    {
        EnsurePending();
        Status = succeeded ? PendingActionStatus.Confirmed : PendingActionStatus.Failed;
        Result = result;
        ResolvedAt = now;
    }

    public void Reject(DateTimeOffset now)
    {
        EnsurePending();
        Status = PendingActionStatus.Rejected;
        ResolvedAt = now;
    }
}
