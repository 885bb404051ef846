using System.CommandLine;
using System.Globalization;
using IaGenify.Application.Admin.Queries.ListAllWorkspaces;
using IaGenify.Application.Common.Paging;

namespace IaGenify.Cli.Commands.Workspaces;

internal sealed class ListWorkspacesCommand : ICliCommand
{
    private readonly Option<string> _search = CliOptions.Text("--search", "Only workspaces whose name contains the text", "text");
    private readonly Option<int?> _limit = CliOptions.Number("--limit", $"How many to show (1-{Cursor.MaxLimit}, default {Cursor.DefaultLimit})");
    private readonly Option<string> _cursor = CliOptions.Text("--cursor", "Continue after a previous page (printed at its end)", "cursor");

    public string Name => "workspaces list";
    public string Summary => "List every workspace, newest first (deleted ones included).";
    public IReadOnlyList<Option> Options => [_search, _limit, _cursor];

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var page = await invocation.SendAsync(new ListAllWorkspaces(invocation.Value(_search),
            invocation.Value(_limit) ?? Cursor.DefaultLimit, invocation.Value(_cursor)), cancellationToken);

        var rows = page.Items.Select(w => new[]
        {
            w.Id.ToString(), w.Name, Time(w.CreatedAt), w.DeletedAt is { } deleted ? Time(deleted) : "-",
            w.MemberCount.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        string[] header = ["ID", "NAME", "CREATED", "DELETED", "MEMBERS"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
            await invocation.Out.WriteLineAsync(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        await invocation.Out.WriteLineAsync(page.NextCursor is { } next
            ? $"{rows.Count} shown; more with --cursor {next}"
            : $"{rows.Count} shown.");
        return ExitCodes.Success;
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
