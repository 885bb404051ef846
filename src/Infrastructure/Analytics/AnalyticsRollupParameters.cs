using Npgsql;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>The arrays <see cref="AnalyticsRollupSql.StoreRollups"/> reads, in its parameter order, from a reduced batch.</summary>
internal static class AnalyticsRollupParameters
{
    public static void Add(NpgsqlParameterCollection parameters, AnalyticsBatch batch)
    {
        var visitors = batch.Visitors.ToArray();
        Add(parameters, visitors, v => v.Key.WorkspaceId);
        Add(parameters, visitors, v => v.Key.WebsiteId);
        Add(parameters, visitors, v => v.Key.Day);
        Add(parameters, visitors, v => v.Key.VisitorHash);
        Add(parameters, visitors, v => v.Value.Hour);
        Add(parameters, visitors, v => v.Value.ReferrerHost);
        Add(parameters, visitors, v => v.Value.UtmSource);
        Add(parameters, visitors, v => v.Value.UtmMedium);
        Add(parameters, visitors, v => v.Value.UtmCampaign);
        Add(parameters, visitors, v => v.Value.Device);
        Add(parameters, visitors, v => v.Value.Browser);

        var pageVisitors = batch.PageVisitors.ToArray();
        Add(parameters, pageVisitors, p => p.WorkspaceId);
        Add(parameters, pageVisitors, p => p.WebsiteId);
        Add(parameters, pageVisitors, p => p.Day);
        Add(parameters, pageVisitors, p => p.Path);
        Add(parameters, pageVisitors, p => p.VisitorHash);

        var hours = batch.Hours.ToArray();
        Add(parameters, hours, h => h.Key.WorkspaceId);
        Add(parameters, hours, h => h.Key.WebsiteId);
        Add(parameters, hours, h => h.Key.Hour);
        Add(parameters, hours, h => h.Value.Pageviews);
        Add(parameters, hours, h => h.Value.Conversions);

        var dimensions = batch.Dimensions.ToArray();
        Add(parameters, dimensions, d => d.Key.WorkspaceId);
        Add(parameters, dimensions, d => d.Key.WebsiteId);
        Add(parameters, dimensions, d => d.Key.Dimension);
        Add(parameters, dimensions, d => d.Key.Day);
        Add(parameters, dimensions, d => d.Key.Value);
        Add(parameters, dimensions, d => d.Value);
    }

    private static void Add<TRow, TValue>(NpgsqlParameterCollection parameters, TRow[] rows, Func<TRow, TValue> column) =>
        parameters.Add(new NpgsqlParameter<TValue[]> { TypedValue = Array.ConvertAll(rows, r => column(r)) });
}
