using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IaGenify.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Analytics tables, in raw SQL because EF Core does not model partitioned tables; none is an EF entity. Every
    /// index leads with workspace_id. Raw events are partitioned by UTC month (partitions are made ahead by the
    /// maintenance sweep and on demand by the writer); rollups are plain tables keyed by site and hour/day.
    /// </summary>
    public partial class AddAnalytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE analytics_events (
                    workspace_id uuid NOT NULL,
                    website_id uuid NOT NULL,
                    occurred_at timestamptz NOT NULL,
                    kind smallint NOT NULL,
                    path text NOT NULL,
                    referrer_host text NULL,
                    utm_source text NULL,
                    utm_medium text NULL,
                    utm_campaign text NULL,
                    device text NULL,
                    browser text NULL,
                    visitor_hash bigint NULL
                ) PARTITION BY RANGE (occurred_at);
                CREATE INDEX ix_analytics_events_site_time ON analytics_events (workspace_id, website_id, occurred_at);

                DO $$
                DECLARE month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
                BEGIN
                    FOR i IN 0..2 LOOP
                        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF analytics_events FOR VALUES FROM (%L) TO (%L)',
                            'analytics_events_y' || to_char(month + make_interval(months => i), 'YYYY') || 'm' || to_char(month + make_interval(months => i), 'MM'),
                            to_char(month + make_interval(months => i), 'YYYY-MM-DD') || ' 00:00:00+00',
                            to_char(month + make_interval(months => i + 1), 'YYYY-MM-DD') || ' 00:00:00+00');
                    END LOOP;
                END $$;

                CREATE TABLE analytics_salts (
                    day date PRIMARY KEY,
                    salt bytea NOT NULL,
                    created_at timestamptz NOT NULL
                );

                CREATE TABLE analytics_visitor_days (
                    workspace_id uuid NOT NULL,
                    website_id uuid NOT NULL,
                    day date NOT NULL,
                    visitor_hash bigint NOT NULL,
                    first_hour timestamptz NOT NULL,
                    referrer_host text NOT NULL,
                    utm_source text NULL,
                    utm_medium text NULL,
                    utm_campaign text NULL,
                    device text NOT NULL,
                    browser text NOT NULL,
                    CONSTRAINT pk_analytics_visitor_days PRIMARY KEY (workspace_id, website_id, day, visitor_hash)
                );

                CREATE TABLE analytics_page_visitor_days (
                    workspace_id uuid NOT NULL,
                    website_id uuid NOT NULL,
                    day date NOT NULL,
                    path text NOT NULL,
                    visitor_hash bigint NOT NULL,
                    CONSTRAINT pk_analytics_page_visitor_days PRIMARY KEY (workspace_id, website_id, day, path, visitor_hash)
                );

                CREATE TABLE analytics_site_hours (
                    workspace_id uuid NOT NULL,
                    website_id uuid NOT NULL,
                    hour timestamptz NOT NULL,
                    pageviews bigint NOT NULL,
                    visitors bigint NOT NULL,
                    conversions bigint NOT NULL,
                    CONSTRAINT pk_analytics_site_hours PRIMARY KEY (workspace_id, website_id, hour)
                );

                CREATE TABLE analytics_site_days (
                    workspace_id uuid NOT NULL,
                    website_id uuid NOT NULL,
                    day date NOT NULL,
                    pageviews bigint NOT NULL,
                    visitors bigint NOT NULL,
                    conversions bigint NOT NULL,
                    CONSTRAINT pk_analytics_site_days PRIMARY KEY (workspace_id, website_id, day)
                );

                CREATE TABLE analytics_dimension_days (
                    workspace_id uuid NOT NULL,
                    website_id uuid NOT NULL,
                    dimension smallint NOT NULL,
                    day date NOT NULL,
                    value text NOT NULL,
                    pageviews bigint NOT NULL,
                    visitors bigint NOT NULL,
                    CONSTRAINT pk_analytics_dimension_days PRIMARY KEY (workspace_id, website_id, dimension, day, value)
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS analytics_dimension_days;
                DROP TABLE IF EXISTS analytics_site_days;
                DROP TABLE IF EXISTS analytics_site_hours;
                DROP TABLE IF EXISTS analytics_page_visitor_days;
                DROP TABLE IF EXISTS analytics_visitor_days;
                DROP TABLE IF EXISTS analytics_salts;
                DROP TABLE IF EXISTS analytics_events;
                """);
        }
    }
}
