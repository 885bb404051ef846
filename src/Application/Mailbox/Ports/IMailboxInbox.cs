using IaGenify.Domain.Mailbox;

namespace IaGenify.Application.Mailbox.Ports;

/// <summary>What the inbox list asks: filters, a full-text query (web-search syntax), and a page after a cursor.</summary>
public sealed record ThreadListQuery(Guid WorkspaceId, Guid ReaderId, MailThreadStatus? Status, bool? Unread, Guid? WebsiteId, string? Search,
    int Limit, ThreadCursor? After);

/// <summary>Threads are listed by last activity, newest first; the cursor is the last row's time and id.</summary>
public sealed record ThreadCursor(DateTimeOffset LastMessageAt, Guid Id)
{
    public string Encode() => $"{LastMessageAt.UtcTicks}.{Id:N}";

    public static bool TryDecode(string? text, out ThreadCursor? cursor)
    {
        cursor = null;
        var parts = text?.Split('.');
        if (parts is not { Length: 2 } || !long.TryParse(parts[0], out var ticks) || ticks < 0 || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[1], "N", out var id))
            return false;
        cursor = new ThreadCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}

/// <summary>
/// The inbox's reads and per-member read state, which need PostgreSQL itself: full-text search over subject,
/// sender and message bodies, and upserts of read marks. Threads in the trash are never listed.
/// </summary>
public interface IMailboxInbox
{
    Task<ThreadPage> ListThreadsAsync(ThreadListQuery query, CancellationToken cancellationToken);

    Task MarkReadAsync(Guid workspaceId, Guid threadId, Guid readerId, DateTimeOffset readAt, CancellationToken cancellationToken);

    Task<bool> IsUnreadAsync(Guid workspaceId, Guid threadId, Guid readerId, DateTimeOffset lastInboundAt, CancellationToken cancellationToken);

    Task MarkUnreadAsync(Guid workspaceId, Guid threadId, Guid readerId, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the unit of work's transaction and holds a lock on one sender of one workspace until it commits, so that
    /// simultaneous submissions of that sender land in one thread with the right counts.
    /// </summary>
    Task LockSenderAsync(Guid workspaceId, string senderEmail, CancellationToken cancellationToken);

    /// <summary>
    /// Locks, until the unit of work commits, the threads a contact submission may continue (the sender's open ones on
    /// the site since <paramref name="since"/>), so that a member changing one at the same moment waits for the
    /// visitor's message (or is asked to reload) instead of making it fail.
    /// </summary>
    Task LockContinuableThreadsAsync(Guid workspaceId, Guid websiteId, string senderEmail, DateTimeOffset since,
        CancellationToken cancellationToken);
}
