using Ardalis.Specification;
using IaGenify.Domain.Assistant;

namespace IaGenify.Application.Assistant.Specifications;

/// <summary>A conversation with its messages and actions; the caller must own it (others get 404).</summary>
public sealed class OwnConversationSpec : Specification<Conversation>
{
    public OwnConversationSpec(Guid conversationId, Guid ownerId)
    {
        Query.Where(c => c.Id == conversationId && c.OwnerId == ownerId);
        Query.Include(c => c.Messages);
        Query.Include(c => c.PendingActions);
        // Two collections in one join would repeat every message once per pending action.
        Query.AsSplitQuery();
    }
}

/// <summary>The caller's conversation holding a pending action.</summary>
public sealed class ConversationOfActionSpec : Specification<Conversation>
{
    public ConversationOfActionSpec(Guid actionId, Guid ownerId)
    {
        Query.Where(c => c.OwnerId == ownerId && c.PendingActions.Any(a => a.Id == actionId));
        Query.Include(c => c.Messages);
        Query.Include(c => c.PendingActions);
        // Two collections in one join would repeat every message once per pending action.
        Query.AsSplitQuery();
    }
}
