using IaGenify.Api.Tests.Support;
using Npgsql;

namespace IaGenify.Cli.Tests.Support;

public sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>A migrated database of its own and a temporary object store, shared by the CLI tests.</summary>
public sealed class CliFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public string ConnectionString => _database!.ConnectionString;
    public string StorageRoot { get; } = Path.Combine(Path.GetTempPath(), $"iagenify-cli-tests-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("iagenify_cli");
        var migrate = await RunAsync("migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Error);
    }

    /// <summary>Runs the CLI's entry point in-process, as <c>iagenify --connection … args</c>.</summary>
    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(["--connection", ConnectionString, .. args], output, error,
            new Dictionary<string, string?> { ["Storage:Root"] = StorageRoot });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return await command.ExecuteScalarAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
        if (Directory.Exists(StorageRoot))
            Directory.Delete(StorageRoot, recursive: true);
    }
}
