using IaGenify.Api.Tests.Support;
using IaGenify.Cli.Hosting;
using IaGenify.Cli.Output;
using Npgsql;

namespace IaGenify.Cli.Tests.Support;

public sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>A migrated database of its own and a temporary object store, shared by the CLI tests.</summary>
public sealed class CliFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public string ConnectionString => _database!.ConnectionString;
    /// <summary>The <c>migrate</c> run that built the empty database.</summary>
    public CliRun FirstMigration { get; private set; } = new(-1, "", "");

    public string StorageRoot { get; } = Path.Combine(Path.GetTempPath(), $"iagenify-cli-tests-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("iagenify_cli");
        FirstMigration = await RunAsync("migrate");
        Assert.True(FirstMigration.ExitCode == 0, FirstMigration.Error);
    }

    /// <summary>Runs the CLI's entry point in-process, as <c>iagenify --connection … args</c>.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunWithoutConnectionAsync(
        new CliHostSettings { Configuration = new Dictionary<string, string?> { ["Storage:Root"] = StorageRoot }, LocalSettingsSearch = [] },
        ["--connection", ConnectionString, .. args]);

    /// <summary>Runs the CLI with no <c>--connection</c>: it finds its database through <paramref name="settings"/>.</summary>
    public static async Task<CliRun> RunWithoutConnectionAsync(CliHostSettings settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, new CliConsole(output, error), settings);
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
