using Npgsql;

namespace IaGenify.Infrastructure.Persistence;

public static class DataSources
{
    /// <summary>
    /// The application's PostgreSQL data source. Pooled connections are not reset with DISCARD ALL when reused:
    /// the application never changes session state, and skipping the reset saves a statement per connection use.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }
}
