using System.Text.Json;
using System.Text.Json.Nodes;
using IaGenify.Application.AiTools;
using IaGenify.Application.Assistant.Ports;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Credits;
using IaGenify.Application.Credits.Ports;
using IaGenify.Application.Generations.Ports;
using IaGenify.Domain.Assistant;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Assistant;

/// <summary>
/// One user message through the tool-calling loop: at most <see cref="AssistantOptions.MaxSteps"/> model calls, each
/// priced (<c>assistant.step</c>: reserved before the call, captured after, released if the model fails). Read-only
/// tools run at once as the user; any other tool call becomes a pending action and runs only when the user confirms.
/// Tool results go back to the model as tool messages, never as instructions.
/// </summary>
public sealed class AssistantLoop(
    AiToolRegistry registry,
    AiToolInvoker invoker,
    IAssistantModel model,
    ICreditLedger ledger,
    PriceList prices,
    IUnitOfWork unitOfWork,
    RequestContext context,
    IOptionsMonitor<AssistantOptions> options,
    TimeProvider clock)
{
    private const int MaxToolCallIdLength = 100;

    public async Task<AssistantTurnDto> RunAsync(Conversation conversation, string content, CancellationToken cancellationToken)
    {
        var tools = registry.AllowedFor(context.RequireWorkspaceRole());
        var specs = tools.Select(t => new AssistantToolSpec(t.Name, t.Description, t.InputSchema)).ToList();
        var caller = new AiToolCaller(context.Principal, conversation.WorkspaceId, AiToolCaller.AssistantSurface, null, context.IpAddress);
        var price = prices.PriceOf(AssistantOptions.StepPriceKey);
        var maxSteps = Math.Max(1, options.CurrentValue.MaxSteps);
        var proposed = new List<PendingAction>();

        var question = conversation.AddUserMessage(content, clock.GetUtcNow());
        // The first step's hold commits with the question: without credits, nothing is written (402).
        var hold = await ReserveAsync(conversation.WorkspaceId, question.Id, 1, price, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        for (var step = 1; ; step++)
        {
            var reply = await CallModelAsync(conversation, specs, hold, price, cancellationToken);
            var calls = reply.ToolCalls.Select((c, i) => WithUsableId(c, conversation.Messages.Count, i)).ToList();
            conversation.AddAssistantMessage(reply.Content, ToolCallsJson(calls), clock.GetUtcNow());
            await unitOfWork.SaveChangesAsync(cancellationToken);
            if (calls.Count == 0)
                break;
            foreach (var call in calls)
                await HandleCallAsync(conversation, tools, caller, call, proposed, cancellationToken);
            if (step == maxSteps)
            {
                conversation.AddAssistantMessage($"I stopped after {maxSteps} steps. Ask again to continue.", null, clock.GetUtcNow());
                await unitOfWork.SaveChangesAsync(cancellationToken);
                break;
            }
            hold = await ReserveAsync(conversation.WorkspaceId, question.Id, step + 1, price, cancellationToken);
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        return new AssistantTurnDto(
            conversation.OrderedMessages.Where(m => m.Sequence >= question.Sequence).Select(AssistantMessageDto.From).ToList(),
            proposed.Select(PendingActionDto.From).ToList());
    }

    /// <summary>Call ids are the model's; one that cannot be stored or matched back is replaced by our own.</summary>
    private static AssistantToolCall WithUsableId(AssistantToolCall call, int messages, int index) =>
        call.Id is { Length: > 0 and <= MaxToolCallIdLength } && call.Id.All(c => c is >= '!' and <= '~')
            ? call
            : call with { Id = $"call_{messages}_{index}" };

    private async Task HandleCallAsync(Conversation conversation, IReadOnlyList<AiToolDefinition> tools, AiToolCaller caller,
        AssistantToolCall call, List<PendingAction> proposed, CancellationToken cancellationToken)
    {
        var tool = tools.FirstOrDefault(t => t.Name == call.Name);
        string result;
        if (tool is null)
        {
            // Unknown or beyond the user's role: the model is told so, and nothing runs.
            result = Json(new { error = new { code = "unknown_tool", message = "There is no such tool available to this user." } });
        }
        else if (!tool.NeedsConfirmation)
        {
            result = (await invoker.CallAsync(caller, tool.Name, call.Arguments, cancellationToken)).Content.GetRawText();
        }
        else
        {
            var arguments = call.Arguments.ValueKind == JsonValueKind.Object ? call.Arguments.GetRawText() : "{}";
            var action = conversation.Propose(call.Id, tool.Name, arguments, ActionSummaries.Of(tool, call.Arguments),
                tool.PriceKey is { } key ? prices.PriceOf(key) : null, clock.GetUtcNow());
            proposed.Add(action);
            result = AwaitingConfirmation(action);
        }
        conversation.AddToolResult(call.Id, call.Name.Length <= 100 ? call.Name : call.Name[..100], result, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }

    private async Task<AssistantModelReply> CallModelAsync(Conversation conversation, IReadOnlyList<AssistantToolSpec> specs,
        CreditHoldDto? hold, long price, CancellationToken cancellationToken)
    {
        AssistantModelReply reply;
        try
        {
            reply = await model.NextAsync(new AssistantModelRequest(AssistantPrompts.System, ToTurns(conversation), specs), cancellationToken);
        }
        catch (ModelException)
        {
            if (hold is not null)
            {
                await ledger.ReleaseAsync(conversation.WorkspaceId, hold.Id, $"assistant-hold:{hold.Id}:release", cancellationToken);
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }
            throw new ServiceUnavailableException("assistant_unavailable", "The assistant's model did not answer. Try again in a moment.");
        }
        // The ledger counts the captured credits (kind assistant.step) in the consumed-credits metric.
        if (hold is not null)
            await ledger.CaptureAsync(conversation.WorkspaceId, hold.Id, price, $"assistant-hold:{hold.Id}:capture", cancellationToken);
        return reply;
    }

    private async Task<CreditHoldDto?> ReserveAsync(Guid workspaceId, Guid questionId, int step, long price, CancellationToken cancellationToken)
    {
        if (price <= 0)
            return null;
        var reference = $"assistant:{questionId}:{step}";
        return (await ledger.ReserveAsync(workspaceId, AssistantOptions.StepPriceKey, price, $"{reference}:hold", reference, cancellationToken)).Value;
    }

    /// <summary>
    /// The conversation as the model sees it. A proposed action's tool message shows its current state (waiting,
    /// or the result once confirmed), so the model knows what happened without any text posing as the user.
    /// </summary>
    internal static IReadOnlyList<AssistantTurn> ToTurns(Conversation conversation)
    {
        var actions = conversation.PendingActions.GroupBy(a => a.ToolCallId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.CreatedAt).Last(), StringComparer.Ordinal);
        return conversation.OrderedMessages.Select(m => new AssistantTurn(m.Role,
                m.Role == AssistantRole.Tool && m.ToolCallId is { } id && actions.TryGetValue(id, out var action) ? StateOf(action) : m.Content,
                m.ToolCallId, m.ToolName,
                m.ToolCalls is null ? [] : JsonSerializer.Deserialize<List<AssistantToolCallDto>>(m.ToolCalls, AssistantJson.Options)!
                    .Select(c => new AssistantToolCall(c.Id, c.Tool, c.Arguments)).ToList()))
            .ToList();
    }

    private static string StateOf(PendingAction action) => action.Status switch
    {
        PendingActionStatus.Pending => AwaitingConfirmation(action),
        PendingActionStatus.Rejected => Json(new { status = "rejected_by_user", pendingActionId = action.Id }),
        _ => Json(new
        {
            status = action.Status == PendingActionStatus.Confirmed ? "confirmed_and_done" : "confirmed_and_failed",
            pendingActionId = action.Id,
            result = JsonNode.Parse(action.Result ?? "null"),
        }),
    };

    private static string AwaitingConfirmation(PendingAction action) =>
        Json(new { status = "awaiting_user_confirmation", pendingActionId = action.Id, summary = action.Summary, price = action.Price });

    private static string? ToolCallsJson(IReadOnlyList<AssistantToolCall> calls) =>
        calls.Count == 0 ? null : Json(calls.Select(c => new AssistantToolCallDto(c.Id, c.Name, c.Arguments)).ToList());

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, AssistantJson.Options);
}
