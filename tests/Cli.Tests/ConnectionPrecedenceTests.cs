using IaGenify.Cli.Hosting;
using IaGenify.Cli.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace IaGenify.Cli.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    /// <summary>Tests that set process environment variables run alone.</summary>
    public const string Name = "process environment";
}

/// <summary>
/// Where the CLI finds its database: <c>--connection</c>, else <c>ConnectionStrings__Default</c>, else appsettings.json,
/// else the settings <c>scripts/run.sh</c> wrote under <c>.data/</c> of the checkout.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ConnectionPrecedenceTests(CliFixture fixture) : IClassFixture<CliFixture>, IDisposable
{
    private const string Variable = "ConnectionStrings__Default";
    private readonly string? _savedVariable = Environment.GetEnvironmentVariable(Variable);
    private readonly string _checkout = Path.Combine(Path.GetTempPath(), $"iagenify-checkout-{Guid.NewGuid():N}");

    /// <summary>A checkout where run.sh wrote its settings, and a folder deep inside it to start from.</summary>
    private string CheckoutWithLocalSettings(string connection)
    {
        Directory.CreateDirectory(Path.Combine(_checkout, ".data"));
        File.WriteAllText(Path.Combine(_checkout, LocalSettings.RelativePath), $$"""
            { "ConnectionStrings": { "Default": "{{connection}}" }, "Storage": { "Root": "{{fixture.StorageRoot}}" } }
            """);
        var nested = Path.Combine(_checkout, "src", "Cli");
        Directory.CreateDirectory(nested);
        return nested;
    }

    private static string? SourceOf(string? connection, CliHostSettings settings)
    {
        var builder = new ConfigurationBuilder();
        CliConfiguration.AddSources(builder, connection, settings);
        return CliConfiguration.ConnectionSource(builder.Build());
    }

    [Fact]
    public async Task Without_a_connection_the_cli_uses_the_database_run_sh_wrote_down()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        var settings = new CliHostSettings { LocalSettingsSearch = [CheckoutWithLocalSettings(fixture.ConnectionString)] };

        var run = await CliFixture.RunWithoutConnectionAsync(settings, "workspaces", "list");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("ID", run.Output);
    }

    [Fact]
    public async Task Without_any_connection_the_cli_says_where_it_looked()
    {
        Environment.SetEnvironmentVariable(Variable, null);

        var run = await CliFixture.RunWithoutConnectionAsync(new CliHostSettings { LocalSettingsSearch = [] }, "workspaces", "list");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--connection", run.Error);
        Assert.Contains("ConnectionStrings__Default", run.Error);
        Assert.Contains("scripts/run.sh", run.Error);
    }

    [Fact]
    public async Task An_unreachable_database_names_where_its_connection_came_from()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        var settings = new CliHostSettings { LocalSettingsSearch = [CheckoutWithLocalSettings("Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2")] };

        var run = await CliFixture.RunWithoutConnectionAsync(settings, "workspaces", "list");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"database connection from {Path.Combine(_checkout, LocalSettings.RelativePath)} (written by scripts/run.sh)", run.Error);
    }

    [Fact]
    public void The_option_beats_the_environment_which_beats_the_file_run_sh_wrote()
    {
        var local = new CliHostSettings { LocalSettingsSearch = [CheckoutWithLocalSettings("Host=from-file")] };
        var expectedFile = $"{Path.Combine(_checkout, LocalSettings.RelativePath)} (written by scripts/run.sh)";

        Environment.SetEnvironmentVariable(Variable, null);
        Assert.Null(SourceOf(null, new CliHostSettings { LocalSettingsSearch = [] }));
        Assert.Equal(expectedFile, SourceOf(null, local));
        Environment.SetEnvironmentVariable(Variable, "Host=from-environment");
        Assert.Equal("the ConnectionStrings__Default environment variable", SourceOf(null, local));
        Assert.Equal("--connection", SourceOf("Host=from-option", local));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, _savedVariable);
        if (Directory.Exists(_checkout))
            Directory.Delete(_checkout, recursive: true);
    }
}
