using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Mailbox.Ports;
using IaGenify.Domain.Mailbox;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Mailbox.Queries.ListThreads;

/// <summary>
/// The inbox: threads by last activity, newest first, filtered by status (<c>open</c> by default), unread state for
/// the caller, website and a full-text <c>search</c> over subject, sender and message bodies.
/// </summary>
/// <param name="Status">open (default), archived or spam.</param>
/// <param name="Unread">Only threads unread (true) or read (false) by the caller.</param>
/// <param name="Search">Words to search for in subjects, senders and messages.</param>
[AiTool("mailbox_threads_list", "List the mailbox threads (contact messages), newest activity first.", ReadOnly = true)]
[RequiresPermission(Permission.MailboxUse)]
public sealed record ListThreads(Guid WorkspaceId, string? Status, bool? Unread, Guid? WebsiteId, string? Search, int Limit, string? Cursor)
    : IQuery<ThreadPage>, IWorkspaceRequest
{
    public const int MaxSearchLength = 200;

    // One name only: Enum.TryParse also reads numbers and comma lists (the union of their flags: "open,archived" = archived).
    internal static MailThreadStatus? ParseStatus(string? name) =>
        name is null ? MailThreadStatus.Open
        : name.Length > 0 && name.All(char.IsAsciiLetter) && Enum.TryParse<MailThreadStatus>(name, ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? status
        : null;
}

internal sealed class ListThreadsHandler(IMailboxInbox inbox, RequestContext context) : IRequestHandler<ListThreads, ThreadPage>
{
    public Task<ThreadPage> Handle(ListThreads request, CancellationToken cancellationToken)
    {
        ThreadCursor.TryDecode(request.Cursor, out var after);
        var search = string.IsNullOrWhiteSpace(request.Search) ? null : request.Search.Trim();
        return inbox.ListThreadsAsync(new ThreadListQuery(request.WorkspaceId, context.Principal.ActorId ?? Guid.Empty,
            ListThreads.ParseStatus(request.Status), request.Unread, request.WebsiteId, search, request.Limit, after), cancellationToken);
    }
}
