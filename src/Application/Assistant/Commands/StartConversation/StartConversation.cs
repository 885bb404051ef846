using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Assistant;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Assistant.Commands.StartConversation;

/// <summary>Starts a conversation with the workspace assistant, owned by the caller.</summary>
[RequiresPermission(Permission.ContentRead)]
public sealed record StartConversation(Guid WorkspaceId) : ICommand<ConversationCreatedDto>, IWorkspaceRequest;

internal sealed class StartConversationHandler(IRepository<Conversation> conversations, RequestContext context, IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<StartConversation, ConversationCreatedDto>
{
    public async Task<ConversationCreatedDto> Handle(StartConversation request, CancellationToken cancellationToken)
    {
        var conversation = Conversation.Start(request.WorkspaceId, AssistantOwner.Of(context), clock.GetUtcNow());
        conversations.Add(conversation);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new ConversationCreatedDto(conversation.Id);
    }
}
