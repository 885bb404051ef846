using System.Data;
using IaGenify.Application.Common.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IaGenify.Infrastructure.Email;

/// <summary>
/// Delivers the email outbox through the configured <see cref="IEmailSender"/>. A batch is claimed in one
/// auto-committed statement (attempt counted, lease token and expiry set, the row due again when the lease ends);
/// each email is then sent inside a short transaction that locks its row, checks the lease is still ours, and marks
/// it sent (or failed, with the next attempt after a capped exponential delay) before committing. While that lock is
/// held no other dispatcher can claim the row, so an email is never sent twice, except when a process dies between
/// the SMTP server's acceptance and the commit (see docs/decisions.md). Called by the worker and by tests.
/// </summary>
public sealed class EmailOutboxDispatcher(
    NpgsqlDataSource dataSource,
    IEmailSender sender,
    IOptionsMonitor<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailOutboxDispatcher> logger)
{
    private const string ClaimSql = """
        UPDATE email_outbox AS e
        SET attempts = e.attempts + 1, lease_token = @token, lease_expires_at = @lease_until, next_attempt_at = @lease_until
        WHERE e.id IN (
            SELECT x.id FROM email_outbox AS x
            WHERE x.sent_at IS NULL AND x.next_attempt_at IS NOT NULL AND x.next_attempt_at <= @now
            ORDER BY x.next_attempt_at, x.id
            LIMIT @limit
            FOR UPDATE SKIP LOCKED)
        RETURNING e.id, e.created_at
        """;

    private const string LockSql = """
        SELECT type, recipient, subject, body, from_name, from_address, reply_to, message_id, in_reply_to, "references", attempts
        FROM email_outbox
        WHERE id = @id AND lease_token = @token AND sent_at IS NULL
        FOR UPDATE
        """;

    private const string SentSql = """
        UPDATE email_outbox
        SET sent_at = @now, next_attempt_at = NULL, lease_token = NULL, lease_expires_at = NULL, last_error = NULL
        WHERE id = @id
        """;

    private const string FailedSql = """
        UPDATE email_outbox
        SET next_attempt_at = @next, lease_token = NULL, lease_expires_at = NULL, last_error = @error
        WHERE id = @id
        """;

    private const string PendingSql = """
        SELECT count(*) FROM email_outbox WHERE sent_at IS NULL AND next_attempt_at IS NOT NULL AND next_attempt_at <= @now
        """;

    /// <returns>How many emails were attempted.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue.Outbox;
        var token = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var claimed = new List<(Guid Id, DateTimeOffset CreatedAt)>();
        await using (var claim = dataSource.CreateCommand(ClaimSql))
        {
            claim.Parameters.AddWithValue("token", token);
            claim.Parameters.AddWithValue("now", now);
            claim.Parameters.AddWithValue("lease_until", now + settings.Lease);
            claim.Parameters.AddWithValue("limit", settings.BatchSize);
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                claimed.Add((reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }
        // RETURNING follows no order: send in the order the emails were staged, as their readers expect.
        foreach (var (id, _) in claimed.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id))
            await SendAsync(id, token, settings, cancellationToken);
        return claimed.Count;
    }

    /// <summary>Sends until nothing is due (tests and one-off runs).</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int sent;
        while ((sent = await SendDueAsync(cancellationToken)) > 0)
            total += sent;
        return total;
    }

    /// <summary>How many emails are due and not sent (claimed ones included): lets callers wait for a delivery.</summary>
    public async Task<long> CountDueAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(PendingSql);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task SendAsync(Guid id, Guid token, EmailOutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var locked = await LockAsync(connection, transaction, id, token, cancellationToken);
        if (locked is null)
        {
            // The lease ran out and another dispatcher took the email (or sent it): it is theirs now.
            await transaction.CommitAsync(cancellationToken);
            return;
        }
        var (type, message, attempts) = locked.Value;
        try
        {
            await sender.SendAsync(message, cancellationToken);
            await ExecuteAsync(connection, transaction, SentSql, cancellationToken, ("id", id), ("now", clock.GetUtcNow()));
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Email {EmailId} ({EmailType}) sent on attempt {Attempt}", id, type, attempts);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = ex.GetType().Name;
            DateTimeOffset? next = attempts >= settings.MaxAttempts ? null : clock.GetUtcNow() + RetryDelay(attempts, settings);
            await ExecuteAsync(connection, transaction, FailedSql, cancellationToken,
                ("id", id), ("next", (object?)next ?? DBNull.Value), ("error", error.Length <= OutboxEmail.ErrorMaxLength ? error : error[..OutboxEmail.ErrorMaxLength]));
            await transaction.CommitAsync(cancellationToken);
            if (next is null)
                logger.LogError("Email {EmailId} ({EmailType}) given up after {Attempt} attempts; last failure {ExceptionType}", id, type, attempts, error);
            else
                logger.LogWarning("Email {EmailId} ({EmailType}) attempt {Attempt} failed with {ExceptionType}; next attempt {NextAttemptAt}",
                    id, type, attempts, error, next);
        }
    }

    /// <summary>base × 2^(attempt−1), capped.</summary>
    public static TimeSpan RetryDelay(int attempt, EmailOutboxOptions settings) =>
        TimeSpan.FromTicks(Math.Min(settings.RetryMaxDelay.Ticks, settings.RetryBaseDelay.Ticks * (1L << Math.Clamp(attempt - 1, 0, 20))));

    private static async Task<(string Type, EmailMessage Message, int Attempts)?> LockAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, Guid id, Guid token, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LockSql, connection, transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("token", token);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
        var fromAddress = Text(5);
        var message = new EmailMessage(reader.GetString(1), reader.GetString(2), reader.GetString(3))
        {
            From = fromAddress is null ? null : new EmailAddressWithName(Text(4) ?? "", fromAddress),
            ReplyTo = Text(6),
            MessageId = Text(7),
            InReplyTo = Text(8),
            References = reader.GetFieldValue<string[]>(9),
        };
        return (reader.GetString(0), message, reader.GetInt32(10));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
