using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace IaGenify.Cli.Commands;

/// <summary>The kinds of options the commands take, with the value names their help shows (<c>--workspace &lt;id&gt;</c>).</summary>
public static class CliOptions
{
    public static Option<string> Text(string name, string description, string valueName, bool required = false) =>
        new(name) { Description = description, HelpName = valueName, Required = required };

    public static Option<Guid> RequiredId(string name, string description) =>
        new(name) { Description = description, HelpName = "id", Required = true };

    public static Option<Guid?> Id(string name, string description) =>
        new(name) { Description = description, HelpName = "id" };

    public static Option<long> RequiredNumber(string name, string description) =>
        new(name) { Description = description, HelpName = "n", Required = true };

    public static Option<int?> Number(string name, string description) =>
        new(name) { Description = description, HelpName = "n" };

    /// <summary>An ISO-8601 time; one without an offset is UTC, whatever the machine's time zone.</summary>
    public static Option<DateTimeOffset?> Time(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "time",
        CustomParser = ParseTime,
    };

    private static DateTimeOffset? ParseTime(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return time;
        var option = (result.Parent as OptionResult)?.Option.Name ?? "the value";
        result.AddError($"{option} must be an ISO-8601 time such as 2026-11-20T00:00:00Z, not '{text}'.");
        return null;
    }
}
