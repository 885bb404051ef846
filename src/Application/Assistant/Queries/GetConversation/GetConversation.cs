using IaGenify.Application.Assistant.Specifications;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Assistant;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Assistant.Queries.GetConversation;

/// <summary>One of the caller's conversations with its messages and actions; another member's is 404.</summary>
[RequiresPermission(Permission.ContentRead)]
public sealed record GetConversation(Guid WorkspaceId, Guid ConversationId) : IQuery<ConversationDto>, IWorkspaceRequest;

internal sealed class GetConversationHandler(IRepository<Conversation> conversations, RequestContext context)
    : IRequestHandler<GetConversation, ConversationDto>
{
    public async Task<ConversationDto> Handle(GetConversation request, CancellationToken cancellationToken) =>
        ConversationDto.From(await conversations.FirstOrNotFoundAsync(new OwnConversationSpec(request.ConversationId, AssistantOwner.Of(context)), "Conversation", cancellationToken));
}
