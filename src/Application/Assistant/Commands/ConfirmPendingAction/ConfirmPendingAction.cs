using System.Text.Json;
using System.Text.Json.Nodes;
using IaGenify.Application.AiTools;
using IaGenify.Application.Assistant.Specifications;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Assistant;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Assistant.Commands.ConfirmPendingAction;

/// <summary>
/// Runs a proposed action as the confirming user, through the same tool registry and request pipeline as any call
/// (so their permissions, credits and validation apply). Its result, or its error, is kept on the action. The
/// action's id is its idempotency key, so a repeated confirmation never runs it twice.
/// </summary>
[RequiresPermission(Permission.ContentRead)]
public sealed record ConfirmPendingAction(Guid WorkspaceId, Guid PendingActionId) : ICommand<PendingActionDto>, IWorkspaceRequest;

internal sealed class ConfirmPendingActionHandler(
    IRepository<Conversation> conversations,
    AiToolInvoker invoker,
    RequestContext context,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<ConfirmPendingAction, PendingActionDto>
{
    /// <summary>What the idempotency behavior answers while a request with the same key is still running.</summary>
    private const string InFlightCode = "idempotency_key_in_flight";

    public async Task<PendingActionDto> Handle(ConfirmPendingAction request, CancellationToken cancellationToken)
    {
        var conversation = await conversations.FirstOrNotFoundAsync(new ConversationOfActionSpec(request.PendingActionId, AssistantOwner.Of(context)), "Pending action", cancellationToken);
        var action = conversation.ActionOf(request.PendingActionId);
        action.EnsurePending();

        var arguments = JsonNode.Parse(action.Arguments) as JsonObject ?? [];
        // The action's key replaces any the model wrote: a model reusing one key for two proposals would otherwise
        // answer the second confirmation with the first one's result, and nothing would run.
        arguments["idempotencyKey"] = $"assistant-action-{action.Id:N}";
        var caller = new AiToolCaller(context.Principal, request.WorkspaceId, AiToolCaller.AssistantSurface, null, context.IpAddress);
        var result = await invoker.CallAsync(caller, action.Tool, JsonSerializer.SerializeToElement(arguments), cancellationToken);
        // Another confirmation of this action is running it right now: that one records the outcome. Recording this
        // refusal would mark an action that is succeeding as failed.
        if (result.ErrorCode == InFlightCode)
            throw new ConflictException("assistant.action_running", "This action is already running; reload the conversation to see its result.");

        action.Complete(!result.IsError, result.Content.GetRawText(), clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return PendingActionDto.From(action);
    }
}
