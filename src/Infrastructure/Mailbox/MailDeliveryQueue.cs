using IaGenify.Application.Mailbox.Ports;
using Npgsql;

namespace IaGenify.Infrastructure.Mailbox;

/// <summary>
/// Claims due mailbox emails in one auto-committed statement: the row locks live only while it runs, the lease
/// (<c>lease_expires_at</c>) keeps other senders away afterwards, and an expired lease makes the email due again.
/// Emails of deleted workspaces wait (they go with the workspace's purge).
/// </summary>
internal sealed class MailDeliveryQueue(NpgsqlDataSource dataSource) : IMailDeliveryQueue
{
    private const string ClaimSql = """
        UPDATE mail_deliveries AS d
        SET attempts = d.attempts + 1, lease_expires_at = @lease_until, next_attempt_at = @lease_until
        WHERE d.id IN (
            SELECT x.id
            FROM mail_deliveries AS x
            JOIN workspaces AS w ON w.id = x.workspace_id
            WHERE w.deleted_at IS NULL AND x.next_attempt_at IS NOT NULL AND x.next_attempt_at <= @now AND x.status <> 'Sent'
            ORDER BY x.next_attempt_at, x.id
            LIMIT @limit
            FOR UPDATE OF x SKIP LOCKED)
        RETURNING d.id, d.workspace_id
        """;

    private const string PurgeSql = """
        DELETE FROM mail_threads WHERE id IN (
            SELECT id FROM mail_threads WHERE deleted_at IS NOT NULL AND deleted_at < @before ORDER BY deleted_at LIMIT 500)
        """;

    public async Task<IReadOnlyList<ClaimedMailDelivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease_until", now + lease);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedMailDelivery>();
        while (await reader.ReadAsync(cancellationToken))
            claimed.Add(new ClaimedMailDelivery(reader.GetGuid(0), reader.GetGuid(1)));
        return claimed;
    }

    public async Task<int> PurgeTrashAsync(DateTimeOffset deletedBefore, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(PurgeSql);
        command.Parameters.AddWithValue("before", deletedBefore);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
