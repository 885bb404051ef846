using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Mailbox.Ports;
using IaGenify.Application.Mailbox.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Mailbox;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Mailbox.Commands.UpdateThread;

/// <summary>Triage: moves a thread to open, archived or spam, and/or marks it read or unread for the caller.</summary>
[RequiresPermission(Permission.MailboxUse)]
public sealed record UpdateThread(Guid WorkspaceId, Guid ThreadId, MailThreadStatus? Status, bool? Unread)
    : ICommand<MailThreadSummaryDto>, IWorkspaceRequest;

internal sealed class UpdateThreadHandler(
    IRepository<MailThread> threads,
    IMailboxInbox inbox,
    RequestContext context,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<UpdateThread, MailThreadSummaryDto>
{
    public async Task<MailThreadSummaryDto> Handle(UpdateThread request, CancellationToken cancellationToken)
    {
        var thread = await threads.FirstOrDefaultAsync(new ThreadSpec(request.ThreadId, tracking: true), cancellationToken);
        if (thread is null || thread.IsInTrash)
            throw new NotFoundException("Thread");
        if (request.Status is { } status)
            thread.ChangeStatus(status);
        await unitOfWork.SaveChangesAsync(cancellationToken);

        var reader = context.Principal.ActorId ?? Guid.Empty;
        if (request.Unread == true)
            await inbox.MarkUnreadAsync(thread.WorkspaceId, thread.Id, reader, cancellationToken);
        else if (request.Unread == false)
            await inbox.MarkReadAsync(thread.WorkspaceId, thread.Id, reader, clock.GetUtcNow(), cancellationToken);
        var unread = request.Unread ?? await inbox.IsUnreadAsync(thread.WorkspaceId, thread.Id, reader, thread.LastInboundAt, cancellationToken);
        return new MailThreadSummaryDto(thread.Id, thread.Subject, thread.WebsiteId, new MailPartyDto(thread.SenderName, thread.SenderEmail),
            thread.Status, unread, thread.MessageCount, thread.LastMessageAt, thread.Snippet);
    }
}
