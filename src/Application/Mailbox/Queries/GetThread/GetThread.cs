using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Mailbox.Ports;
using IaGenify.Application.Mailbox.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Mailbox;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Mailbox.Queries.GetThread;

/// <summary>A thread with its messages (oldest first) and drafts. Reading it marks it read for the caller only.</summary>
[AiTool("mailbox_thread_get", "Read one mailbox thread with its messages and reply drafts.", ReadOnly = true)]
[RequiresPermission(Permission.MailboxUse)]
public sealed record GetThread(Guid WorkspaceId, Guid ThreadId) : IQuery<MailThreadDto>, IWorkspaceRequest;

internal sealed class GetThreadHandler(
    IRepository<MailThread> threads,
    IRepository<MailDraft> drafts,
    IMailboxInbox inbox,
    RequestContext context,
    TimeProvider clock) : IRequestHandler<GetThread, MailThreadDto>
{
    public async Task<MailThreadDto> Handle(GetThread request, CancellationToken cancellationToken)
    {
        var thread = await threads.FirstOrDefaultAsync(new ThreadSpec(request.ThreadId, withMessages: true), cancellationToken);
        if (thread is null || thread.IsInTrash)
            throw new NotFoundException("Thread");
        var threadDrafts = await drafts.ListAsync(new DraftsOfThreadSpec(thread.Id), cancellationToken);
        if (context.Principal.ActorId is { } reader)
            await inbox.MarkReadAsync(thread.WorkspaceId, thread.Id, reader, clock.GetUtcNow(), cancellationToken);
        return MailboxMapping.ToDto(thread, threadDrafts, unread: false);
    }
}
