using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Mailbox.Specifications;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Mailbox;
using IaGenify.Domain.Workspaces;
using MediatR;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Mailbox.Commands.SendReply;

/// <summary>
/// A member's answer to the visitor. It is stored with its delivery queued in one transaction and sent by the
/// background sender (Message-ID, In-Reply-To, References, and the thread's reply address), so a failure of the
/// mail server never loses it. With an Idempotency-Key, a retry answers the first reply instead of sending twice.
/// </summary>
/// <param name="Body">The reply text, always required: a draft's text is sent as the member last edited it.</param>
/// <param name="DraftId">The draft of this thread the reply was made from, if any.</param>
[AiTool("mailbox_reply_send", "Send a reply to the visitor of a mailbox thread: the body to send, and the id of the draft it came from, if any.")]
[RequiresPermission(Permission.MailboxUse)]
public sealed record SendReply(Guid WorkspaceId, Guid ThreadId, string? Body, Guid? DraftId) : ICommand<MailMessageDto>, IWorkspaceRequest;

internal sealed class SendReplyHandler(
    IRepository<MailThread> threads,
    IRepository<MailDraft> drafts,
    IRepository<MailDelivery> deliveries,
    IRepository<Workspace> workspaces,
    RequestContext context,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    IOptionsMonitor<MailboxOptions> options,
    TimeProvider clock) : IRequestHandler<SendReply, MailMessageDto>
{
    public async Task<MailMessageDto> Handle(SendReply request, CancellationToken cancellationToken)
    {
        var thread = await threads.FirstOrDefaultAsync(new ThreadSpec(request.ThreadId, withMessages: true, tracking: true), cancellationToken);
        if (thread is null || thread.IsInTrash)
            throw new NotFoundException("Thread");
        if (thread.Status == MailThreadStatus.Spam)
            throw new BusinessRuleException("mailbox.spam", "This thread is marked as spam; move it back to open before replying.");
        if (request.DraftId is { } draftId && await drafts.FirstOrDefaultAsync(new DraftSpec(draftId, thread.Id), cancellationToken) is null)
            throw new NotFoundException("Draft");
        var workspace = await workspaces.FirstOrNotFoundAsync(new WorkspaceByIdSpec(thread.WorkspaceId), "Workspace", cancellationToken);

        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        var messageId = Guid.CreateVersion7();
        var reply = thread.Reply(workspace.Name, MessageIds.ReplyAddress(thread.ReplyToken, settings.ReplyDomain), request.Body!.Trim(),
            MessageIds.New(messageId, settings.ReplyDomain), context.Principal.ActorId ?? Guid.Empty, request.DraftId, now);
        deliveries.Add(MailDelivery.ForReply(reply, now));
        audit.Record(AuditActions.MailboxReplySent, thread.WorkspaceId, "mail_thread", thread.Id.ToString(),
            new Dictionary<string, string> { ["messageId"] = reply.Id.ToString() });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return MailboxMapping.ToDto(reply);
    }
}
