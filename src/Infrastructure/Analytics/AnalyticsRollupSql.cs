namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// The SQL that stores one batch: the raw events by binary COPY straight into <c>analytics_events</c>, then one
/// statement that adds the day's visitor sets and increments the rollups from what <see cref="AnalyticsBatch"/>
/// reduced the batch to (arrays, one element per distinct visitor or rollup key).
/// <para>
/// Visitors are exact per day: <c>analytics_visitor_days</c> holds one row per (site, UTC day, visitor hash), and
/// only rows that are new (ON CONFLICT DO NOTHING … RETURNING) add a visitor. That row also records the visitor's
/// first view of the day (hour, referrer, UTM tags, device, browser): hourly visitors count each daily visitor in
/// the hour of their first view, and sources are credited with the visitors they brought (first-touch of the day).
/// Page visitors use their own set (site, day, path, visitor). Device and browser are fixed for a visitor (the
/// User-Agent is part of the hash), so those are exact too. Page views with no visitor hash (Sec-GPC) count as views.
/// </para>
/// Rows are inserted in key order so that two replicas' batches lock rollup rows in the same order.
/// </summary>
internal static class AnalyticsRollupSql
{
    public const string CopyEvents = """
        COPY analytics_events (workspace_id, website_id, occurred_at, kind, path, referrer_host, utm_source, utm_medium,
            utm_campaign, device, browser, visitor_hash) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>
    /// $1–$11 visitors (workspace, website, day, hash, first hour, referrer, UTM source, medium, campaign, device,
    /// browser); $12–$16 page visitors (workspace, website, day, path, hash); $17–$21 views and conversions per site
    /// hour; $22–$27 page views per dimension value and day (workspace, website, dimension, day, value, views).
    /// </summary>
    public const string StoreRollups = """
        WITH new_visitors AS (
            INSERT INTO analytics_visitor_days (workspace_id, website_id, day, visitor_hash, first_hour, referrer_host,
                utm_source, utm_medium, utm_campaign, device, browser)
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::bigint[], $5::timestamptz[], $6::text[], $7::text[],
                $8::text[], $9::text[], $10::text[], $11::text[])
            ORDER BY 1, 2, 3, 4
            ON CONFLICT DO NOTHING
            RETURNING workspace_id, website_id, day, first_hour, referrer_host, utm_source, utm_medium, utm_campaign, device, browser
        ),
        new_page_visitors AS (
            INSERT INTO analytics_page_visitor_days (workspace_id, website_id, day, path, visitor_hash)
            SELECT * FROM unnest($12::uuid[], $13::uuid[], $14::date[], $15::text[], $16::bigint[])
            ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT DO NOTHING
            RETURNING workspace_id, website_id, day, path
        ),
        views AS (
            SELECT * FROM unnest($17::uuid[], $18::uuid[], $19::timestamptz[], $20::bigint[], $21::bigint[])
                AS v(workspace_id, website_id, hour, pageviews, conversions)
        ),
        hours AS (
            INSERT INTO analytics_site_hours AS t (workspace_id, website_id, hour, pageviews, visitors, conversions)
            SELECT workspace_id, website_id, hour, sum(pageviews), sum(visitors), sum(conversions) FROM (
                SELECT workspace_id, website_id, hour, pageviews, 0::bigint AS visitors, conversions FROM views
                UNION ALL
                SELECT workspace_id, website_id, first_hour, 0, count(*), 0 FROM new_visitors GROUP BY 1, 2, 3) x
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (workspace_id, website_id, hour) DO UPDATE SET pageviews = t.pageviews + excluded.pageviews,
                visitors = t.visitors + excluded.visitors, conversions = t.conversions + excluded.conversions
        ),
        days AS (
            INSERT INTO analytics_site_days AS t (workspace_id, website_id, day, pageviews, visitors, conversions)
            SELECT workspace_id, website_id, day, sum(pageviews), sum(visitors), sum(conversions) FROM (
                SELECT workspace_id, website_id, (hour AT TIME ZONE 'UTC')::date AS day, pageviews, 0::bigint AS visitors,
                    conversions FROM views
                UNION ALL
                SELECT workspace_id, website_id, day, 0, count(*), 0 FROM new_visitors GROUP BY 1, 2, 3) x
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (workspace_id, website_id, day) DO UPDATE SET pageviews = t.pageviews + excluded.pageviews,
                visitors = t.visitors + excluded.visitors, conversions = t.conversions + excluded.conversions
        ),
        dimensions AS (
            INSERT INTO analytics_dimension_days AS t (workspace_id, website_id, dimension, day, value, pageviews, visitors)
            SELECT workspace_id, website_id, dimension, day, value, sum(pageviews), sum(visitors) FROM (
                SELECT workspace_id, website_id, dimension, day, value, pageviews, 0::bigint AS visitors
                FROM unnest($22::uuid[], $23::uuid[], $24::smallint[], $25::date[], $26::text[], $27::bigint[])
                    AS d(workspace_id, website_id, dimension, day, value, pageviews)
                UNION ALL
                SELECT n.workspace_id, n.website_id, d.dimension, n.day, d.value, 0, count(*)
                FROM new_visitors n
                CROSS JOIN LATERAL (VALUES (2::smallint, n.referrer_host), (3::smallint, n.device), (4::smallint, n.browser),
                    (5::smallint, n.utm_source), (6::smallint, n.utm_campaign), (7::smallint, n.utm_medium)) AS d(dimension, value)
                WHERE d.value IS NOT NULL
                GROUP BY 1, 2, 3, 4, 5
                UNION ALL
                SELECT workspace_id, website_id, 1::smallint, day, path, 0, count(*) FROM new_page_visitors GROUP BY 1, 2, 3, 4, 5) x
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT (workspace_id, website_id, dimension, day, value) DO UPDATE SET
                pageviews = t.pageviews + excluded.pageviews, visitors = t.visitors + excluded.visitors
        )
        SELECT 1
        """;
}
