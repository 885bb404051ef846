using Npgsql;

namespace IaGenify.Infrastructure.Persistence;

public static class DataSources
{
    /// <summary>
    /// The application's PostgreSQL data source. Pooled connections are not reset with DISCARD ALL when reused: the
    /// application never changes session state, and skipping the reset saves a statement per connection use (and keeps
    /// prepared statements). Statements a connection keeps running are prepared automatically, so PostgreSQL stops
    /// parsing and planning the hot queries on every call. Values set in the connection string win.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.NoResetOnClose = true;
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
            settings.MaxAutoPrepare = 50;
        return builder.Build();
    }
}
