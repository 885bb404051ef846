using IaGenify.Application.Assistant.Specifications;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Assistant;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Assistant.Commands.SendAssistantMessage;

/// <summary>
/// Sends the user's message and runs the assistant's tool-calling loop; answers the turn's messages and the actions
/// it proposed (they run only when confirmed).
/// </summary>
[RequiresPermission(Permission.ContentRead)]
public sealed record SendAssistantMessage(Guid WorkspaceId, Guid ConversationId, string Content) : ICommand<AssistantTurnDto>, IWorkspaceRequest;

internal sealed class SendAssistantMessageHandler(IRepository<Conversation> conversations, AssistantLoop loop, RequestContext context)
    : IRequestHandler<SendAssistantMessage, AssistantTurnDto>
{
    public async Task<AssistantTurnDto> Handle(SendAssistantMessage request, CancellationToken cancellationToken)
    {
        var conversation = await conversations.FirstOrNotFoundAsync(new OwnConversationSpec(request.ConversationId, AssistantOwner.Of(context)), "Conversation", cancellationToken);
        return await loop.RunAsync(conversation, request.Content.Trim(), cancellationToken);
    }
}
