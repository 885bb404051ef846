using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Mailbox.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Mailbox;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Mailbox.Commands.DeleteThread;

/// <summary>Moves a thread to the trash: it leaves the inbox at once and is purged with its messages after 30 days.</summary>
[RequiresPermission(Permission.MailboxUse)]
public sealed record DeleteThread(Guid WorkspaceId, Guid ThreadId) : ICommand, IWorkspaceRequest;

internal sealed class DeleteThreadHandler(IRepository<MailThread> threads, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<DeleteThread, Unit>
{
    public async Task<Unit> Handle(DeleteThread request, CancellationToken cancellationToken)
    {
        var thread = await threads.FirstOrDefaultAsync(new ThreadSpec(request.ThreadId, tracking: true), cancellationToken);
        if (thread is null || thread.IsInTrash)
            throw new NotFoundException("Thread");
        var now = clock.GetUtcNow();
        thread.MoveToTrash(now);
        audit.Record(AuditActions.MailboxThreadDeleted, thread.WorkspaceId, "mail_thread", thread.Id.ToString(),
            new Dictionary<string, string> { ["purgeAfter"] = (now + MailThread.TrashRetention).ToString("O") });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
