using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IaGenify.Cli.Tests.Support;
using Npgsql;

namespace IaGenify.Cli.Tests;

/// <summary>
/// <c>scripts/lib/postgres.sh</c> as <c>scripts/run.sh</c> uses it (<c>PG_OWN_ONLY=1</c>): a server already on the
/// port is said, and used only when it is the cluster of run.sh's data directory.
/// </summary>
public sealed class LocalPostgresScriptTests(CliFixture fixture) : IClassFixture<CliFixture>, IDisposable
{
    private readonly string _ourData = Directory.CreateTempSubdirectory("iagenify-pgdata-").FullName;

    private int SharedServerPort => new NpgsqlConnectionStringBuilder(fixture.ConnectionString).Port;

    private async Task<(int ExitCode, string Log)> PgStartAsync(int port, string dataDirectory, bool ownOnly)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"source scripts/lib/postgres.sh && {(ownOnly ? "PG_OWN_ONLY=1 " : "")}pg_start"])
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["IAGENIFY_PG_PORT"] = port.ToString();
        start.Environment["IAGENIFY_PGDATA"] = dataDirectory;
        using var process = Process.Start(start)!;
        var log = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, log);
    }

    [Fact]
    public async Task A_postgres_server_that_is_not_ours_is_refused_with_the_way_out()
    {
        var (exitCode, log) = await PgStartAsync(SharedServerPort, _ourData, ownOnly: true);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"already listens on 127.0.0.1:{SharedServerPort}, and it is not ours", log);
        Assert.Contains("ConnectionStrings__Default", log);
    }

    [Fact]
    public async Task Our_own_cluster_already_running_is_used_and_said_so()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var show = new NpgsqlCommand("SHOW data_directory", connection);
        var theirData = (string)(await show.ExecuteScalarAsync())!;

        var (exitCode, log) = await PgStartAsync(SharedServerPort, theirData, ownOnly: true);

        Assert.True(exitCode == 0, log);
        Assert.Contains("our cluster is already running", log);
    }

    [Fact]
    public async Task Test_runs_reuse_any_server_on_the_port_and_say_so()
    {
        var (exitCode, log) = await PgStartAsync(SharedServerPort, _ourData, ownOnly: false);

        Assert.True(exitCode == 0, log);
        Assert.Contains($"using the server already listening on 127.0.0.1:{SharedServerPort}", log);
    }

    [Fact]
    public async Task Something_else_on_the_port_is_named_instead_of_a_failed_start()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        // Accept and drop connections so that the port answers like a non-PostgreSQL service would.
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
                (await listener.AcceptTcpClientAsync(stop.Token)).Dispose();
        });

        var (exitCode, log) = await PgStartAsync(port, _ourData, ownOnly: true);
        await stop.CancelAsync();

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"something that is not a PostgreSQL server listens on 127.0.0.1:{port}", log);
        Assert.False(File.Exists(Path.Combine(_ourData, "PG_VERSION")));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => accepting);
    }

    public void Dispose() => Directory.Delete(_ourData, recursive: true);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "IaGenify.sln")))
                return folder.FullName;
        throw new InvalidOperationException("The repository root (IaGenify.sln) was not found above the test binaries.");
    }
}
