using IaGenify.Application;
using IaGenify.Infrastructure;
using IaGenify.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IaGenify.Benchmarks;

/// <summary>The same Application + Infrastructure services the API runs, on a fresh database of its own.</summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly string _server;

    private BenchmarkHost(string server, string database, IHost host)
    {
        _server = server;
        Database = database;
        Host = host;
    }

    public string Database { get; }
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = Database, MaxPoolSize = 100 }.ConnectionString;
    public IHost Host { get; }
    public IServiceProvider Services => Host.Services;

    public static async Task<BenchmarkHost> StartAsync(string server)
    {
        var database = $"iagenify_bench_{Guid.NewGuid():N}"[..30];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection).ExecuteNonQueryAsync();
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 100 }.ConnectionString,
            ["Credits:RunSweeper"] = "false",
            // Scenarios start the workers they measure; a long poll means only NOTIFY wakes an idle one.
            ["Generations:RunWorkers"] = "false",
            ["Generations:PollInterval"] = "00:10:00",
            ["Credits:Prices:section.generate"] = "5",
        });
        builder.Services.AddApplication(builder.Configuration);
        builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
        var host = builder.Build();
        using (var scope = host.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new BenchmarkHost(server, database, host);
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", connection).ExecuteNonQueryAsync();
    }
}
