using Npgsql;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>The arrays <see cref="AnalyticsRollupSql.StoreRollups"/> reads, in its parameter order, from a reduced batch.</summary>
internal static class AnalyticsRollupParameters
{
    public static void Add(NpgsqlParameterCollection parameters, AnalyticsBatch batch)
    {
        var visitors = batch.Visitors;
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

        var pageVisitors = batch.PageVisitors;
        Add(parameters, pageVisitors, p => p.WorkspaceId);
        Add(parameters, pageVisitors, p => p.WebsiteId);
        Add(parameters, pageVisitors, p => p.Day);
        Add(parameters, pageVisitors, p => p.Path);
        Add(parameters, pageVisitors, p => p.VisitorHash);

        var hours = batch.Hours;
        Add(parameters, hours, h => h.Key.WorkspaceId);
        Add(parameters, hours, h => h.Key.WebsiteId);
        Add(parameters, hours, h => h.Key.Hour);
        Add(parameters, hours, h => h.Value.Pageviews);
        Add(parameters, hours, h => h.Value.Conversions);

        var dimensions = batch.Dimensions;
        Add(parameters, dimensions, d => d.Key.WorkspaceId);
        Add(parameters, dimensions, d => d.Key.WebsiteId);
        Add(parameters, dimensions, d => d.Key.Dimension);
        Add(parameters, dimensions, d => d.Key.Day);
        Add(parameters, dimensions, d => d.Key.Value);
        Add(parameters, dimensions, d => d.Value);
    }

    // One column at a time from the batch's own collections: copying a collection of a few thousand rows to an array
    // first would allocate it on the large-object heap for every batch.
    private static void Add<TRow, TValue>(NpgsqlParameterCollection parameters, IReadOnlyCollection<TRow> rows, Func<TRow, TValue> column)
    {
        var values = new TValue[rows.Count];
        var i = 0;
        foreach (var row in rows)
            values[i++] = column(row);
        parameters.Add(new NpgsqlParameter<TValue[]> { TypedValue = values });
    }
}
