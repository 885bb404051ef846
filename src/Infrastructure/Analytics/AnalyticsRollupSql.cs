namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// The SQL that stores one batch (staged in the temporary table <c>analytics_batch</c>) in one statement: the raw
/// events, the day's distinct-visitor sets, and the rollups they increment.
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
    public const string CreateBatchTable = """
        CREATE TEMP TABLE IF NOT EXISTS analytics_batch (
            workspace_id uuid NOT NULL, website_id uuid NOT NULL, occurred_at timestamptz NOT NULL, kind smallint NOT NULL,
            path text NOT NULL, referrer_host text, utm_source text, utm_medium text, utm_campaign text, device text,
            browser text, visitor_hash bigint) ON COMMIT DELETE ROWS
        """;

    public const string CopyBatch = """
        COPY analytics_batch (workspace_id, website_id, occurred_at, kind, path, referrer_host, utm_source, utm_medium,
            utm_campaign, device, browser, visitor_hash) FROM STDIN (FORMAT BINARY)
        """;

    public const string StoreBatch = """
        WITH raw AS (
            INSERT INTO analytics_events (workspace_id, website_id, occurred_at, kind, path, referrer_host, utm_source,
                utm_medium, utm_campaign, device, browser, visitor_hash)
            SELECT workspace_id, website_id, occurred_at, kind, path, referrer_host, utm_source, utm_medium, utm_campaign,
                device, browser, visitor_hash
            FROM analytics_batch
        ),
        new_visitors AS (
            INSERT INTO analytics_visitor_days (workspace_id, website_id, day, visitor_hash, first_hour, referrer_host,
                utm_source, utm_medium, utm_campaign, device, browser)
            SELECT DISTINCT ON (workspace_id, website_id, day, visitor_hash)
                workspace_id, website_id, day, visitor_hash, date_trunc('hour', occurred_at, 'UTC'),
                coalesce(referrer_host, ''), utm_source, utm_medium, utm_campaign, coalesce(device, 'other'), coalesce(browser, 'other')
            FROM (SELECT *, (occurred_at AT TIME ZONE 'UTC')::date AS day FROM analytics_batch
                  WHERE kind = 1 AND visitor_hash IS NOT NULL) b
            ORDER BY workspace_id, website_id, day, visitor_hash, occurred_at
            ON CONFLICT DO NOTHING
            RETURNING workspace_id, website_id, day, first_hour, referrer_host, utm_source, utm_medium, utm_campaign, device, browser
        ),
        new_page_visitors AS (
            INSERT INTO analytics_page_visitor_days (workspace_id, website_id, day, path, visitor_hash)
            SELECT DISTINCT workspace_id, website_id, (occurred_at AT TIME ZONE 'UTC')::date, path, visitor_hash
            FROM analytics_batch WHERE kind = 1 AND visitor_hash IS NOT NULL
            ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT DO NOTHING
            RETURNING workspace_id, website_id, day, path
        ),
        hours AS (
            INSERT INTO analytics_site_hours AS t (workspace_id, website_id, hour, pageviews, visitors, conversions)
            SELECT workspace_id, website_id, hour, sum(pageviews), sum(visitors), sum(conversions) FROM (
                SELECT workspace_id, website_id, date_trunc('hour', occurred_at, 'UTC') AS hour,
                    count(*) FILTER (WHERE kind = 1) AS pageviews, 0::bigint AS visitors, count(*) FILTER (WHERE kind = 2) AS conversions
                FROM analytics_batch GROUP BY 1, 2, 3
                UNION ALL
                SELECT workspace_id, website_id, first_hour, 0, count(*), 0 FROM new_visitors GROUP BY 1, 2, 3) x
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (workspace_id, website_id, hour) DO UPDATE SET pageviews = t.pageviews + excluded.pageviews,
                visitors = t.visitors + excluded.visitors, conversions = t.conversions + excluded.conversions
        ),
        days AS (
            INSERT INTO analytics_site_days AS t (workspace_id, website_id, day, pageviews, visitors, conversions)
            SELECT workspace_id, website_id, day, sum(pageviews), sum(visitors), sum(conversions) FROM (
                SELECT workspace_id, website_id, (occurred_at AT TIME ZONE 'UTC')::date AS day,
                    count(*) FILTER (WHERE kind = 1) AS pageviews, 0::bigint AS visitors, count(*) FILTER (WHERE kind = 2) AS conversions
                FROM analytics_batch GROUP BY 1, 2, 3
                UNION ALL
                SELECT workspace_id, website_id, day, 0, count(*), 0 FROM new_visitors GROUP BY 1, 2, 3) x
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (workspace_id, website_id, day) DO UPDATE SET pageviews = t.pageviews + excluded.pageviews,
                visitors = t.visitors + excluded.visitors, conversions = t.conversions + excluded.conversions
        ),
        dimensions AS (
            INSERT INTO analytics_dimension_days AS t (workspace_id, website_id, dimension, day, value, pageviews, visitors)
            SELECT workspace_id, website_id, dimension, day, value, sum(pageviews), sum(visitors) FROM (
                SELECT b.workspace_id, b.website_id, d.dimension, (b.occurred_at AT TIME ZONE 'UTC')::date AS day, d.value,
                    count(*) AS pageviews, 0::bigint AS visitors
                FROM analytics_batch b
                CROSS JOIN LATERAL (VALUES (1::smallint, b.path), (2::smallint, coalesce(b.referrer_host, '')),
                    (3::smallint, b.device), (4::smallint, b.browser), (5::smallint, b.utm_source),
                    (6::smallint, b.utm_campaign), (7::smallint, b.utm_medium)) AS d(dimension, value)
                WHERE b.kind = 1 AND d.value IS NOT NULL
                GROUP BY 1, 2, 3, 4, 5
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
        SELECT count(*) FROM analytics_batch
        """;
}
