using IaGenify.Application.Mailbox;
using IaGenify.Application.Mailbox.Ports;
using IaGenify.Domain.Mailbox;
using IaGenify.Infrastructure.Persistence;
using IaGenify.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace IaGenify.Infrastructure.Mailbox;

/// <summary>
/// The inbox in SQL: one keyset-paged query with the caller's unread state computed per row, full-text search with
/// <c>websearch_to_tsquery</c> against the stored tsvector columns of threads and messages (GIN, workspace first),
/// and read marks upserted so that concurrent reads never conflict.
/// </summary>
internal sealed class MailboxInbox(AppDbContext db) : IMailboxInbox
{
    private const string TextSearchConfig = "simple";

    public async Task<ThreadPage> ListThreadsAsync(ThreadListQuery query, CancellationToken cancellationToken)
    {
        var threads = db.Set<MailThread>().AsNoTracking().Where(t => t.WorkspaceId == query.WorkspaceId && t.DeletedAt == null);
        if (query.Status is { } status)
            threads = threads.Where(t => t.Status == status);
        if (query.WebsiteId is { } websiteId)
            threads = threads.Where(t => t.WebsiteId == websiteId);
        if (query.Search is { } search)
        {
            var messages = db.Set<MailMessage>();
            threads = threads.Where(t =>
                EF.Property<NpgsqlTsVector>(t, MailThreadConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery(TextSearchConfig, search))
                || messages.Any(m => m.WorkspaceId == t.WorkspaceId && m.ThreadId == t.Id
                    && EF.Property<NpgsqlTsVector>(m, MailMessageConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery(TextSearchConfig, search))));
        }
        var reads = db.Set<MailThreadRead>().Where(r => r.WorkspaceId == query.WorkspaceId && r.UserId == query.ReaderId);
        if (query.Unread is { } unread)
            threads = threads.Where(t => reads.Any(r => r.ThreadId == t.Id && r.ReadAt >= t.LastInboundAt) != unread);
        if (query.After is { } after)
            threads = threads.Where(t => t.LastMessageAt < after.LastMessageAt || (t.LastMessageAt == after.LastMessageAt && t.Id.CompareTo(after.Id) < 0));

        var rows = await threads
            .OrderByDescending(t => t.LastMessageAt).ThenByDescending(t => t.Id)
            .Take(query.Limit + 1)
            .Select(t => new
            {
                t.Id, t.Subject, t.WebsiteId, t.SenderName, t.SenderEmail, t.Status, t.MessageCount, t.LastMessageAt, t.Snippet,
                Read = reads.Any(r => r.ThreadId == t.Id && r.ReadAt >= t.LastInboundAt),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Take(query.Limit)
            .Select(t => new MailThreadSummaryDto(t.Id, t.Subject, t.WebsiteId, new MailPartyDto(t.SenderName, t.SenderEmail), t.Status, !t.Read,
                t.MessageCount, t.LastMessageAt, t.Snippet))
            .ToList();
        var next = rows.Count > query.Limit ? new ThreadCursor(items[^1].LastMessageAt, items[^1].Id).Encode() : null;
        return new ThreadPage(items, next);
    }

    public async Task<bool> IsUnreadAsync(Guid workspaceId, Guid threadId, Guid readerId, DateTimeOffset lastInboundAt,
        CancellationToken cancellationToken) =>
        !await db.Set<MailThreadRead>().AnyAsync(r => r.WorkspaceId == workspaceId && r.ThreadId == threadId && r.UserId == readerId
            && r.ReadAt >= lastInboundAt, cancellationToken);

    public async Task MarkReadAsync(Guid workspaceId, Guid threadId, Guid readerId, DateTimeOffset readAt, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO mail_thread_reads (id, workspace_id, thread_id, user_id, read_at)
            VALUES ({Guid.CreateVersion7()}, {workspaceId}, {threadId}, {readerId}, {readAt.ToUniversalTime()})
            ON CONFLICT (workspace_id, thread_id, user_id) DO UPDATE SET read_at = GREATEST(mail_thread_reads.read_at, excluded.read_at)
            """, cancellationToken);

    public async Task MarkUnreadAsync(Guid workspaceId, Guid threadId, Guid readerId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            DELETE FROM mail_thread_reads WHERE workspace_id = {workspaceId} AND thread_id = {threadId} AND user_id = {readerId}
            """, cancellationToken);

    public async Task LockSenderAsync(Guid workspaceId, string senderEmail, CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);
        var key = $"mailbox:{workspaceId:N}:{senderEmail}";
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
    }

    public async Task LockContinuableThreadsAsync(Guid workspaceId, Guid websiteId, string senderEmail, DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);
        await db.Database.SqlQuery<Guid>(
            $"""
            SELECT id AS "Value" FROM mail_threads
            WHERE workspace_id = {workspaceId} AND website_id = {websiteId} AND sender_email = {senderEmail} AND status = 'Open'
              AND deleted_at IS NULL AND last_inbound_at >= {since}
            FOR UPDATE
            """).ToListAsync(cancellationToken);
    }
}
