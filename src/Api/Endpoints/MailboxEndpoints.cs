using IaGenify.Api.Http;
using IaGenify.Application.Mailbox;
using IaGenify.Application.Mailbox.Commands.DeleteThread;
using IaGenify.Application.Mailbox.Commands.RequestDraft;
using IaGenify.Application.Mailbox.Commands.SendReply;
using IaGenify.Application.Mailbox.Commands.UpdateThread;
using IaGenify.Application.Mailbox.Queries.GetThread;
using IaGenify.Application.Mailbox.Queries.ListThreads;
using IaGenify.Domain.Mailbox;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

/// <summary>The workspace inbox (Member and above; viewers get 403, other tenants 404).</summary>
internal static class MailboxEndpoints
{
    public sealed record UpdateThreadBody(MailThreadStatus? Status, bool? Unread);

    public sealed record DraftBody(string? Instruction);

    public sealed record ReplyBody(string? Body, Guid? DraftId);

    public static IEndpointRouteBuilder MapMailboxEndpoints(this IEndpointRouteBuilder app)
    {
        var threads = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/mailbox/threads").WithTags("Mailbox");

        threads.MapGet("", ListThreads)
            .WithName("ListMailThreads")
            .ProducesProblems(401, 402, 429)
            .WithSummary("Lists the inbox's threads, newest activity first, with filters and full-text search")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        threads.MapGet("/{threadId:guid}", GetThread)
            .WithName("GetMailThread")
            .ProducesProblems(401, 402, 429)
            .WithSummary("Gets a thread with its messages and drafts, and marks it read for the caller")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        threads.MapPatch("/{threadId:guid}", UpdateThread)
            .WithName("UpdateMailThread")
            .ProducesProblems(401, 402, 413, 415, 423, 429)
            .WithSummary("Changes a thread's status (open, archived, spam) and/or the caller's unread mark")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        threads.MapDelete("/{threadId:guid}", DeleteThread)
            .WithName("DeleteMailThread")
            .ProducesProblems(401, 402, 423, 429)
            .WithSummary("Moves a thread to the trash; it is purged with its messages after 30 days")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        threads.MapPost("/{threadId:guid}/drafts", RequestDraft)
            .WithName("RequestMailDraft")
            .ProducesProblems(401, 413, 415, 423, 429)
            .WithSummary("Asks AI for a reply draft (a mailReply generation priced mail.reply)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotency();
        threads.MapPost("/{threadId:guid}/replies", SendReply)
            .WithName("SendMailReply")
            .ProducesProblems(401, 402, 413, 415, 423, 429)
            .WithSummary("Sends a reply to the visitor by email (queued and retried; idempotent with Idempotency-Key)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotency();
        return app;
    }

    private static async Task<Ok<ThreadPage>> ListThreads(Guid workspaceId, string? status, bool? unread, Guid? websiteId, string? search,
        int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListThreads(workspaceId, status, unread, websiteId, search, Paging.LimitOrDefault(limit), cursor), ct));

    private static async Task<Ok<MailThreadDto>> GetThread(Guid workspaceId, Guid threadId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetThread(workspaceId, threadId), ct));

    private static async Task<Ok<MailThreadSummaryDto>> UpdateThread(Guid workspaceId, Guid threadId, UpdateThreadBody body, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateThread(workspaceId, threadId, body.Status, body.Unread), ct));

    private static async Task<NoContent> DeleteThread(Guid workspaceId, Guid threadId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteThread(workspaceId, threadId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted<DraftRequestedDto>> RequestDraft(Guid workspaceId, Guid threadId, DraftBody? body, IMediator mediator,
        CancellationToken ct)
    {
        var requested = await mediator.Send(new RequestDraft(workspaceId, threadId, body?.Instruction), ct);
        return TypedResults.Accepted($"/api/v1/workspaces/{workspaceId}/generations/{requested.GenerationId}", requested);
    }

    private static async Task<Created<MailMessageDto>> SendReply(Guid workspaceId, Guid threadId, ReplyBody body, IMediator mediator,
        CancellationToken ct)
    {
        var reply = await mediator.Send(new SendReply(workspaceId, threadId, body.Body, body.DraftId), ct);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/mailbox/threads/{threadId}", reply);
    }
}
