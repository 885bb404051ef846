using IaGenify.Application.Assistant.Specifications;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Assistant;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Assistant.Commands.RejectPendingAction;

/// <summary>Declines a proposed action: it never runs, and the assistant is told so on the next message.</summary>
[RequiresPermission(Permission.ContentRead)]
public sealed record RejectPendingAction(Guid WorkspaceId, Guid PendingActionId) : ICommand<PendingActionDto>, IWorkspaceRequest;

internal sealed class RejectPendingActionHandler(
    IRepository<Conversation> conversations,
    RequestContext context,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<RejectPendingAction, PendingActionDto>
{
    public async Task<PendingActionDto> Handle(RejectPendingAction request, CancellationToken cancellationToken)
    {
        var conversation = await conversations.FirstOrNotFoundAsync(new ConversationOfActionSpec(request.PendingActionId, AssistantOwner.Of(context)), "Pending action", cancellationToken);
        var action = conversation.ActionOf(request.PendingActionId);
        action.Reject(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return PendingActionDto.From(action);
    }
}
