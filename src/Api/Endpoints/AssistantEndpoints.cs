using IaGenify.Api.Http;
using IaGenify.Application.Assistant;
using IaGenify.Application.Assistant.Commands.ConfirmPendingAction;
using IaGenify.Application.Assistant.Commands.RejectPendingAction;
using IaGenify.Application.Assistant.Commands.SendAssistantMessage;
using IaGenify.Application.Assistant.Commands.StartConversation;
using IaGenify.Application.Assistant.Queries.GetConversation;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

/// <summary>The in-product workspace assistant: conversations, messages and the actions it proposes.</summary>
internal static class AssistantEndpoints
{
    public sealed record MessageBody(string? Content);

    public static IEndpointRouteBuilder MapAssistantEndpoints(this IEndpointRouteBuilder app)
    {
        var assistant = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/assistant").WithTags("Assistant");

        assistant.MapPost("/conversations", StartConversationAsync)
            .WithName("StartAssistantConversation")
            .ProducesProblems(402, 429)
            .WithSummary("Start a conversation with the workspace assistant")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status423Locked);

        assistant.MapGet("/conversations/{conversationId:guid}", GetConversationAsync)
            .WithName("GetAssistantConversation")
            .ProducesProblems(402, 429)
            .WithSummary("Get one of your conversations with its messages and actions")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        assistant.MapPost("/conversations/{conversationId:guid}/messages", SendMessageAsync)
            .WithIdempotency()
            .WithName("SendAssistantMessage")
            .ProducesProblems(413, 415, 422, 429)
            .WithSummary("Send a message; read-only tools run at once, anything else is proposed as a pending action")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status423Locked)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        assistant.MapPost("/pending-actions/{pendingActionId:guid}/confirm", ConfirmAsync)
            .WithName("ConfirmAssistantAction")
            .ProducesProblems(402, 429)
            .WithSummary("Run a proposed action as you; its result or error is kept on the action")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status423Locked);

        assistant.MapPost("/pending-actions/{pendingActionId:guid}/reject", RejectAsync)
            .WithName("RejectAssistantAction")
            .ProducesProblems(402, 429)
            .WithSummary("Decline a proposed action; it never runs")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status423Locked);
        return app;
    }

    private static async Task<Created<ConversationCreatedDto>> StartConversationAsync(Guid workspaceId, IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(new StartConversation(workspaceId), ct);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/assistant/conversations/{created.Id}", created);
    }

    private static async Task<Ok<ConversationDto>> GetConversationAsync(Guid workspaceId, Guid conversationId, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetConversation(workspaceId, conversationId), ct));

    private static async Task<Ok<AssistantTurnDto>> SendMessageAsync(Guid workspaceId, Guid conversationId, MessageBody body,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SendAssistantMessage(workspaceId, conversationId, body.Content ?? ""), ct));

    private static async Task<Ok<PendingActionDto>> ConfirmAsync(Guid workspaceId, Guid pendingActionId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ConfirmPendingAction(workspaceId, pendingActionId), ct));

    private static async Task<Ok<PendingActionDto>> RejectAsync(Guid workspaceId, Guid pendingActionId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RejectPendingAction(workspaceId, pendingActionId), ct));
}
