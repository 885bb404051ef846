using IaGenify.Cli.Commands;

namespace IaGenify.Cli.Parsing;

/// <summary>
/// A parsed command line: <c>[global options] &lt;command words&gt; [options]</c>. Global options
/// (<c>--connection</c>, <c>--help</c>/<c>-h</c>) may stand anywhere.
/// </summary>
public sealed record CommandLine(
    ICliCommand? Command,
    IReadOnlyList<string> Words,
    IReadOnlyDictionary<string, string?> Options,
    string? Connection,
    bool Help)
{
    public const string ConnectionOption = "connection";

    /// <summary>Throws <see cref="CliUsageException"/> for anything that does not fit the catalog.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args, CommandCatalog catalog)
    {
        var words = new List<string>();
        var raw = new List<(string Name, string? Value)>();
        string? connection = null;
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                help = true;
                continue;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (raw.Count > 0)
                    throw new CliUsageException($"Unexpected argument '{arg}'; options come after the command.");
                words.Add(arg);
                continue;
            }
            var (name, inline) = arg.IndexOf('=') is var eq and > 2 ? (arg[2..eq], arg[(eq + 1)..]) : (arg[2..], null);
            if (name.Length == 0)
                throw new CliUsageException($"'{arg}' is not an option.");
            if (name == ConnectionOption)
            {
                connection = inline ?? (i + 1 < args.Count ? args[++i] : throw new CliUsageException("--connection needs a value."));
                continue;
            }
            raw.Add((name, inline));
            // The value of a non-flag option may be the next argument; which options are flags is known once the
            // command is, so keep the next argument as a candidate.
            if (inline is null && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                raw[^1] = (name, args[++i]);
        }

        var command = catalog.Find(words);
        if (command is null)
        {
            if (help && (words.Count == 0 || catalog.IsGroup(words)))
                return new CommandLine(null, words, new Dictionary<string, string?>(), connection, help);
            if (words.Count == 0)
                throw new CliUsageException("No command given.");
            throw catalog.IsGroup(words)
                ? new CliUsageException($"'{string.Join(' ', words)}' needs a subcommand.")
                : new CliUsageException($"Unknown command '{string.Join(' ', words)}'.");
        }
        return new CommandLine(command, words, help ? new Dictionary<string, string?>() : Bind(command, raw), connection, help);
    }

    private static Dictionary<string, string?> Bind(ICliCommand command, List<(string Name, string? Value)> raw)
    {
        var bound = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in raw)
        {
            var option = command.Options.FirstOrDefault(o => o.Name == name)
                ?? throw new CliUsageException($"'{command.Name}' has no option --{name}.");
            if (!bound.TryAdd(name, option.IsFlag ? null : value ?? throw new CliUsageException($"--{name} needs a value.")))
                throw new CliUsageException($"--{name} is given twice.");
            if (option.IsFlag && value is not null)
                throw new CliUsageException($"--{name} takes no value.");
        }
        return bound;
    }
}
