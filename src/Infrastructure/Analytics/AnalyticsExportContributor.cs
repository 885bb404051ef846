using IaGenify.Application.Exports.Ports;
using Npgsql;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// <c>analytics.csv</c>: the workspace's daily rollups, one row per site and day (<c>dimension</c> = total) and per
/// site, day and value of each dimension. Raw events are not exported: they hold visitor hashes, which are
/// pseudonyms, and expire anyway. Values come from visitors (UTM tags, referrers): one that a spreadsheet would run as a
/// formula (starting with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe, as text.
/// </summary>
internal sealed class AnalyticsExportContributor(NpgsqlDataSource dataSource) : IExportContributor
{
    public string Name => "analytics";

    public async Task WriteAsync(Guid workspaceId, ExportWriter writer, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // COPY takes no parameters; a Guid's text form is safe to inline.
        var sql = $"""
            COPY (
                SELECT day, website_id, 'total' AS dimension, '' AS value, pageviews, visitors, conversions
                FROM analytics_site_days WHERE workspace_id = '{workspaceId:D}'
                UNION ALL
                SELECT day, website_id, CASE dimension WHEN 1 THEN 'page' WHEN 2 THEN 'referrer' WHEN 3 THEN 'device'
                    WHEN 4 THEN 'browser' WHEN 5 THEN 'utmSource' WHEN 6 THEN 'utmCampaign' ELSE 'utmMedium' END,
                    CASE WHEN value ~ '^[=+@\t\r-]' THEN '''' || value ELSE value END, pageviews, visitors, NULL
                FROM analytics_dimension_days WHERE workspace_id = '{workspaceId:D}'
                ORDER BY 1, 2, 3, 4
            ) TO STDOUT (FORMAT csv, HEADER)
            """;
        // Spooled to a temporary file so that a workspace with years of rollups never sits in memory.
        await using var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var csv = await connection.BeginTextExportAsync(sql, cancellationToken))
        await using (var text = new StreamWriter(spool, leaveOpen: true))
        {
            var buffer = new char[16384];
            int read;
            while ((read = await csv.ReadAsync(buffer, cancellationToken)) > 0)
                await text.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        spool.Position = 0;
        await writer.WriteFileAsync("analytics.csv", spool, cancellationToken);
    }
}
