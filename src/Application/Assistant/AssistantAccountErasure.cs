using Ardalis.Specification;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Specifications;
using IaGenify.Application.Identity;
using IaGenify.Domain.Assistant;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Assistant;

/// <summary>
/// An erased user's conversations with the assistant go with them, in every workspace: they are private to their
/// owner and hold what the user wrote. Actions they confirmed stay in the workspace's own records (the audit log).
/// </summary>
internal sealed class AssistantAccountErasure(IRepository<Conversation> conversations) : IAccountErasureParticipant
{
    public async Task EraseAsync(User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var conversation in await conversations.ListAsync(new ConversationsOwnedBySpec(user.Id), cancellationToken))
            conversations.Remove(conversation);
    }

    private sealed class ConversationsOwnedBySpec : Specification<Conversation>
    {
        public ConversationsOwnedBySpec(Guid ownerId)
        {
            Query.IgnoreTenantFilter();
            Query.Where(c => c.OwnerId == ownerId);
        }
    }
}
