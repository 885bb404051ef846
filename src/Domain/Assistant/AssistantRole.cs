namespace IaGenify.Domain.Assistant;

/// <summary>Who wrote a message: the user, the assistant (text and/or tool calls), or a tool (its result, as data).</summary>
public enum AssistantRole
{
    User,
    Assistant,
    Tool,
}
