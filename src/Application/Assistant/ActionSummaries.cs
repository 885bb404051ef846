using System.Text.Json;
using IaGenify.Application.AiTools;

namespace IaGenify.Application.Assistant;

/// <summary>The one-line description of a proposed action the user confirms: what the tool does and with what.</summary>
internal static class ActionSummaries
{
    private const int MaxValueLength = 60;

    public static string Of(AiToolDefinition tool, JsonElement arguments)
    {
        var what = tool.Description.Split(['.', ':', ';'], 2)[0].Trim();
        if (arguments.ValueKind != JsonValueKind.Object)
            return what;
        var details = arguments.EnumerateObject()
            .Where(p => p.Name != "idempotencyKey" && p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            .Select(p => $"{p.Name}: {Shorten(p.Value.ToString())}")
            .ToList();
        return details.Count == 0 ? what : $"{what} ({string.Join(", ", details)})";
    }

    private static string Shorten(string value) => value.Length <= MaxValueLength ? value : value[..(MaxValueLength - 1)] + "…";
}
