using IaGenify.Domain.Common;

namespace IaGenify.Domain.Assistant;

/// <summary>
/// A user's conversation with the workspace assistant: its messages in order and the actions it proposed. Only its
/// owner (the user or API key that started it) sees it.
/// </summary>
public sealed class Conversation : Entity, ITenantOwned
{
    public const int MaxContentLength = 4000;
    public const int MaxMessages = 400;

    private readonly List<AssistantMessage> _messages = [];
    private readonly List<PendingAction> _pendingActions = [];

    private Conversation()
    {
    }

    public Guid WorkspaceId { get; private set; }
    public Guid OwnerId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyCollection<AssistantMessage> Messages => _messages;
    public IReadOnlyCollection<PendingAction> PendingActions => _pendingActions;

    public IEnumerable<AssistantMessage> OrderedMessages => _messages.OrderBy(m => m.Sequence);

    public static Conversation Start(Guid workspaceId, Guid ownerId, DateTimeOffset now) => new()
    {
        WorkspaceId = workspaceId,
        OwnerId = ownerId,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public bool IsOwnedBy(Guid? actorId) => actorId == OwnerId;

    public AssistantMessage AddUserMessage(string content, DateTimeOffset now) =>
        Add(AssistantRole.User, Guard.NotBlank(content, MaxContentLength, nameof(content)), null, null, null, now);

    /// <summary>The assistant's answer: text, tool calls (JSON), or both.</summary>
    public AssistantMessage AddAssistantMessage(string? content, string? toolCalls, DateTimeOffset now) =>
        Add(AssistantRole.Assistant, content, null, null, toolCalls, now);

    /// <summary>A tool's result (JSON), passed back to the model as data.</summary>
    public AssistantMessage AddToolResult(string toolCallId, string tool, string result, DateTimeOffset now) =>
        Add(AssistantRole.Tool, result, toolCallId, tool, null, now);

    public PendingAction Propose(string toolCallId, string tool, string arguments, string summary, long? price, DateTimeOffset now)
    {
        var action = new PendingAction(WorkspaceId, Id, toolCallId, tool, arguments, summary, price, now);
        _pendingActions.Add(action);
        UpdatedAt = now;
        return action;
    }

    public PendingAction ActionOf(Guid actionId) =>
        _pendingActions.FirstOrDefault(a => a.Id == actionId) ?? throw new NotFoundException("Pending action");

    private AssistantMessage Add(AssistantRole role, string? content, string? toolCallId, string? tool, string? toolCalls, DateTimeOffset now)
    {
        if (_messages.Count >= MaxMessages)
            throw new BusinessRuleException("assistant.conversation_full",
                $"A conversation holds at most {MaxMessages} messages; start a new one.");
        var message = new AssistantMessage(WorkspaceId, Id, _messages.Count + 1, role, content, toolCallId, tool, toolCalls, now);
        _messages.Add(message);
        UpdatedAt = now;
        return message;
    }
}
