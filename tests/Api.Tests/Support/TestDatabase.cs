using Npgsql;

namespace IaGenify.Api.Tests.Support;

/// <summary>
/// A database of its own for one test run (IAGENIFY_TEST_PG points at the server scripts/test.sh boots),
/// dropped at the end, so parallel test assemblies and runs never share state.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private TestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string prefix)
    {
        var server = Environment.GetEnvironmentVariable("IAGENIFY_TEST_PG")
            ?? throw new InvalidOperationException(
                "IAGENIFY_TEST_PG is not set. Run the tests with scripts/test.sh, which starts PostgreSQL and sets it.");
        var database = new TestDatabase(server, $"{prefix}_{Guid.NewGuid():N}"[..40]);
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
