using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace IaGenify.Cli.Hosting;

/// <summary>
/// The CLI's configuration sources, lowest precedence first: the settings <c>scripts/run.sh</c> wrote
/// (<see cref="LocalSettings"/>), the CLI's appsettings.json, environment variables (<c>Section__Key</c>), the
/// host's overrides, and <c>--connection</c>. So the database is <c>--connection</c>, else
/// <c>ConnectionStrings__Default</c>, else appsettings.json, else the one <c>run.sh</c> serves.
/// </summary>
public static class CliConfiguration
{
    public const string ConnectionKey = "ConnectionStrings:Default";

    public static void AddSources(IConfigurationBuilder builder, string? connection, CliHostSettings settings)
    {
        if (LocalSettings.Find(settings.LocalSettingsSearch) is { } local)
            builder.Add(new LocalSettingsSource(local));
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        if (settings.Configuration is not null)
            builder.AddInMemoryCollection(settings.Configuration);
        if (connection is not null)
            builder.Add(new ConnectionOptionSource(connection));
    }

    /// <summary>Where the database connection comes from, for messages; null when none is configured.</summary>
    public static string? ConnectionSource(IConfigurationRoot configuration)
    {
        var provider = configuration.Providers.LastOrDefault(p => p.TryGet(ConnectionKey, out var value) && !string.IsNullOrWhiteSpace(value));
        return provider switch
        {
            null => null,
            ConnectionOptionSource.Provider => "--connection",
            EnvironmentVariablesConfigurationProvider => "the ConnectionStrings__Default environment variable",
            JsonConfigurationProvider { Source: LocalSettingsSource local } => $"{local.FullPath} (written by scripts/run.sh)",
            JsonConfigurationProvider json => json.Source.Path ?? "appsettings.json",
            MemoryConfigurationProvider => "the host's configuration",
            _ => provider.ToString(),
        };
    }

    private sealed class LocalSettingsSource : JsonConfigurationSource
    {
        public LocalSettingsSource(string fullPath)
        {
            FullPath = fullPath;
            Path = System.IO.Path.GetFileName(fullPath);
            Optional = true;
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(System.IO.Path.GetDirectoryName(fullPath)!);
        }

        public string FullPath { get; }
    }

    private sealed class ConnectionOptionSource(string connection) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(connection);

        internal sealed class Provider(string connection) : ConfigurationProvider
        {
            public override void Load() => Data[ConnectionKey] = connection;
        }
    }
}
