using IaGenify.Application.Common.Persistence;
using Ardalis.Specification;
using IaGenify.Application.Exports.Ports;
using IaGenify.Domain.Assistant;

namespace IaGenify.Application.Assistant.Export;

/// <summary><c>assistant.json</c>: every assistant conversation of the workspace, with its owner, messages and actions.</summary>
internal sealed class AssistantExportContributor(IRepository<Conversation> conversations) : IExportContributor
{
    public string Name => "assistant";

    public async Task WriteAsync(Guid workspaceId, ExportWriter writer, CancellationToken cancellationToken)
    {
        var all = await conversations.ListAsync(new AllConversations(workspaceId), cancellationToken);
        await writer.WriteJsonAsync("assistant.json",
            all.Select(c => new { ownerId = c.OwnerId, conversation = ConversationDto.From(c) }).ToList(), cancellationToken);
    }

    private sealed class AllConversations : Specification<Conversation>
    {
        public AllConversations(Guid workspaceId)
        {
            Query.Where(c => c.WorkspaceId == workspaceId);
            Query.Include(c => c.Messages);
            Query.Include(c => c.PendingActions);
            Query.AsSplitQuery();
            Query.OrderBy(c => c.Id);
            Query.AsNoTracking();
        }
    }
}
