namespace IaGenify.Cli.Hosting;

/// <summary>What the CLI reads besides its command line; tests replace both to stay independent of the machine.</summary>
public sealed record CliHostSettings
{
    /// <summary>Settings that win over appsettings.json and the environment (tests give their database and storage).</summary>
    public IReadOnlyDictionary<string, string?>? Configuration { get; init; }

    /// <summary>Folders from which <see cref="LocalSettings.RelativePath"/> is looked for, each then upwards.</summary>
    public IReadOnlyList<string> LocalSettingsSearch { get; init; } = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
}
