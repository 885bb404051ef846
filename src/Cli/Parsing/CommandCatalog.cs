using IaGenify.Cli.Commands;

namespace IaGenify.Cli.Parsing;

/// <summary>Every command of the CLI, found by reflection, and the help texts built from their descriptions.</summary>
public sealed class CommandCatalog
{
    public const string ToolName = "iagenify";

    public CommandCatalog(IEnumerable<ICliCommand> commands)
    {
        Commands = commands.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var duplicate = Commands.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two CLI commands are named '{duplicate.Key}'.");
    }

    public IReadOnlyList<ICliCommand> Commands { get; }

    /// <summary>The commands of this assembly: every concrete <see cref="ICliCommand"/>.</summary>
    public static CommandCatalog Discover() => new(typeof(CommandCatalog).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(t))
        .Select(t => (ICliCommand)Activator.CreateInstance(t)!));

    public ICliCommand? Find(IReadOnlyList<string> words)
    {
        var name = string.Join(' ', words);
        return Commands.FirstOrDefault(c => c.Name == name);
    }

    /// <summary>Whether the words are the first words of some command (<c>workspaces</c>).</summary>
    public bool IsGroup(IReadOnlyList<string> words) =>
        words.Count > 0 && Commands.Any(c => c.Name.StartsWith(string.Join(' ', words) + " ", StringComparison.Ordinal));

    public string GeneralHelp(IReadOnlyList<string> group)
    {
        var prefix = group.Count == 0 ? "" : string.Join(' ', group) + " ";
        var listed = Commands.Where(c => c.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var width = listed.Max(c => c.Name.Length) + 2;
        var lines = new List<string>
        {
            $"Usage: {ToolName} [--connection <connection-string>] {prefix}<command> [options]",
            "",
            "IaGenify admin CLI: sends the same requests as the API, as the system principal.",
            "",
            "Commands:",
        };
        lines.AddRange(listed.Select(c => $"  {c.Name.PadRight(width)}{c.Summary}"));
        lines.AddRange(GlobalOptionLines());
        lines.Add("");
        lines.Add($"Run '{ToolName} <command> --help' for a command's options.");
        lines.Add("Exit codes: 0 success, 1 request refused or failed, 2 wrong command line.");
        return string.Join(Environment.NewLine, lines);
    }

    public static string CommandHelp(ICliCommand command)
    {
        var usage = string.Concat(command.Options.Select(o => o.IsFlag ? $" [--{o.Name}]" : $" [--{o.Name} <{o.ValueName}>]"));
        var lines = new List<string> { $"Usage: {ToolName} {command.Name}{usage}", "", command.Summary };
        if (command.Options.Count > 0)
        {
            var labels = command.Options.Select(o => o.IsFlag ? $"--{o.Name}" : $"--{o.Name} <{o.ValueName}>").ToList();
            var width = labels.Max(l => l.Length) + 2;
            lines.Add("");
            lines.Add("Options:");
            lines.AddRange(command.Options.Select((o, i) => $"  {labels[i].PadRight(width)}{o.Description}"));
        }
        lines.AddRange(GlobalOptionLines());
        return string.Join(Environment.NewLine, lines);
    }

    private static IEnumerable<string> GlobalOptionLines() =>
    [
        "",
        "Global options:",
        "  --connection <connection-string>  PostgreSQL connection (default: ConnectionStrings__Default)",
        "  -h, --help                        Show help",
    ];
}
