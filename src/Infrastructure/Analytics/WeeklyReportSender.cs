using IaGenify.Application.Analytics;
using IaGenify.Application.Analytics.Reports;
using IaGenify.Application.Common.Email;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Analytics;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// Stages the weekly analytics report of the last complete UTC week for every opted-in member who has not had it.
/// Exactly once per member and week, whatever the number of workers: each email is staged in the transaction that
/// inserts the (workspace, member, week) row of <c>analytics_report_deliveries</c>, whose primary key lets only one
/// worker insert it; the others find the row and skip. Figures come from the rollups and the credit ledger.
/// </summary>
public sealed class WeeklyReportSender(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    WeeklyReportEmail email,
    IOptions<AnalyticsOptions> options,
    TimeProvider clock,
    ILogger<WeeklyReportSender> logger)
{
    /// <summary>Deliveries older than this are deleted by the maintenance sweep; only the last week's matter.</summary>
    public const int DeliveryRetentionDays = 56;

    /// <returns>How many members were due in this batch, and how many reports this run staged.</returns>
    public async Task<(int Due, int Sent)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var week = ReportWeek.LastComplete(clock.GetUtcNow());
        var due = await DueAsync(week, options.Value.Reports.BatchSize, cancellationToken);
        var sent = 0;
        foreach (var workspace in due.GroupBy(r => r.WorkspaceId))
        {
            try
            {
                var figures = await FiguresAsync(workspace.Key, week, cancellationToken);
                foreach (var recipient in workspace)
                {
                    if (await TryStageAsync(recipient, week, figures, cancellationToken))
                        sent++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError("Weekly analytics reports of workspace {WorkspaceId} failed with {ExceptionType}",
                    workspace.Key, ex.GetType().Name);
            }
        }
        if (sent > 0)
            logger.LogInformation("Staged {Count} weekly analytics report(s) for the week of {Week}", sent, week.From);
        return (due.Count, sent);
    }

    private async Task<List<WeeklyReportRecipient>> DueAsync(AnalyticsRange week, int limit, CancellationToken cancellationToken)
    {
        // Members of live workspaces with a verified address, for weeks that ended after they opted in (no report of a
        // week gone by right after opting in); a membership's end deletes its subscription. A suspended account is kept
        // out of the workspace's data, emailed reports included; its report goes on the first run after reinstatement.
        await using var command = dataSource.CreateCommand("""
            SELECT s.workspace_id, w.name, s.user_id, u.email, u.display_name
            FROM analytics_report_subscriptions s
            JOIN workspaces w ON w.id = s.workspace_id
            JOIN users u ON u.id = s.user_id
            WHERE s.weekly AND s.updated_at < $3 AND w.deleted_at IS NULL AND w.suspended_at IS NULL
              AND u.deleted_at IS NULL AND u.suspended_at IS NULL AND u.email_verified_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM analytics_report_deliveries d
                              WHERE d.workspace_id = s.workspace_id AND d.user_id = s.user_id AND d.week = $1)
            ORDER BY s.workspace_id, s.user_id
            LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = week.From });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(new NpgsqlParameter { Value = new DateTimeOffset(week.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) });
        var due = new List<WeeklyReportRecipient>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            due.Add(new WeeklyReportRecipient(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4)));
        return due;
    }

    private async Task<WeeklyReportFigures> FiguresAsync(Guid workspaceId, AnalyticsRange week, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(week.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(week.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command("""
            SELECT coalesce(sum(visitors), 0)::bigint, coalesce(sum(pageviews), 0)::bigint, coalesce(sum(conversions), 0)::bigint
            FROM analytics_site_days WHERE workspace_id = $1 AND day BETWEEN $2 AND $3
            """, workspaceId, week.From, week.To));
        // Consumption as GET .../analytics/usage counts it: captures and negative adjustments (amounts are signed).
        batch.BatchCommands.Add(Command("""
            SELECT coalesce(-sum(amount), 0)::bigint FROM credit_entries
            WHERE workspace_id = $1 AND created_at >= $2 AND created_at < $3
              AND (type = 'Capture' OR (type = 'Adjustment' AND amount < 0))
            """, workspaceId, start, end));
        batch.BatchCommands.Add(Command("""
            SELECT s.name, d.value, sum(d.visitors)::bigint AS visitors, sum(d.pageviews)::bigint AS pageviews
            FROM analytics_dimension_days d JOIN websites s ON s.id = d.website_id
            WHERE d.workspace_id = $1 AND d.day BETWEEN $2 AND $3 AND d.dimension = $4
            GROUP BY d.website_id, s.name, d.value
            ORDER BY visitors DESC, pageviews DESC, s.name, d.value
            LIMIT $5
            """, workspaceId, week.From, week.To, (short)AnalyticsDimension.Page, options.Value.Reports.TopPages));

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (visitors, pageviews, conversions) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var credits = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var pages = new List<WeeklyReportPage>();
        while (await reader.ReadAsync(cancellationToken))
            pages.Add(new WeeklyReportPage(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
        return new WeeklyReportFigures(visitors, pageviews, conversions, credits, pages);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    private async Task<bool> TryStageAsync(WeeklyReportRecipient recipient, AnalyticsRange week, WeeklyReportFigures figures,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A worker racing for the same row waits here until the first commits, then inserts nothing.
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO analytics_report_deliveries (workspace_id, user_id, week, sent_at)
            VALUES ({recipient.WorkspaceId}, {recipient.UserId}, {week.From}, {clock.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        if (claimed == 0)
            return false;
        scope.ServiceProvider.GetRequiredService<IEmailOutbox>().Stage(email.Compose(recipient, week, figures), WeeklyReportEmail.Type);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
