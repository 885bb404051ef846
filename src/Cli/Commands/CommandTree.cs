using System.CommandLine;

namespace IaGenify.Cli.Commands;

/// <summary>
/// Every <see cref="ICliCommand"/> of this assembly, found by reflection, arranged as System.CommandLine commands:
/// <c>workspaces list</c> becomes the subcommand <c>list</c> of a <c>workspaces</c> group.
/// </summary>
public static class CommandTree
{
    public const string ToolName = "iagenify";

    private static readonly Dictionary<string, string> GroupSummaries = new(StringComparer.Ordinal)
    {
        ["billing"] = "Stripe billing upkeep.",
        ["credits"] = "Grant, correct and check credit balances.",
        ["exports"] = "Workspace export archives.",
        ["webhooks"] = "Outgoing webhook deliveries.",
        ["workspaces"] = "Every workspace of the platform.",
    };

    /// <summary>The commands of this assembly: every concrete <see cref="ICliCommand"/>, by name.</summary>
    public static IReadOnlyList<ICliCommand> Discover()
    {
        var commands = typeof(CommandTree).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(t))
            .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var duplicate = commands.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? commands : throw new InvalidOperationException($"Two CLI commands are named '{duplicate.Key}'.");
    }

    /// <param name="run">Runs a command once its command line has parsed without error.</param>
    public static RootCommand Build(IEnumerable<ICliCommand> commands, Option<string> connection,
        Func<ICliCommand, ParseResult, CancellationToken, Task<int>> run)
    {
        var root = new RootCommand("IaGenify admin CLI: sends the same requests as the API, as the system principal. " +
                                   "Exit codes: 0 success, 1 request refused or failed, 2 wrong command line.")
        {
            HelpName = ToolName,
        };
        connection.Recursive = true;
        root.Add(connection);
        foreach (var definition in commands)
        {
            var words = definition.Name.Split(' ');
            Command parent = root;
            foreach (var word in words[..^1])
            {
                var group = parent.Subcommands.FirstOrDefault(c => c.Name == word);
                if (group is null)
                {
                    group = new Command(word, GroupSummaries.GetValueOrDefault(word));
                    parent.Add(group);
                }
                parent = group;
            }
            var command = new Command(words[^1], definition.Summary);
            foreach (var option in definition.Options)
                command.Add(option);
            command.SetAction((parseResult, cancellationToken) => run(definition, parseResult, cancellationToken));
            parent.Add(command);
        }
        return root;
    }
}
