using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IaGenify.Application.Assistant.Ports;
using IaGenify.Domain.Assistant;

namespace IaGenify.Infrastructure.Assistant;

/// <summary>
/// The assistant's model when no model endpoint is configured: deterministic, no network. It maps a few plain
/// requests to tools ("list my websites", "create a website for a flower shop called Petal Lane", "add a pricing
/// section to Petal Lane", "how many visitors did Petal Lane have last week", "draft a reply to the latest message",
/// "how many credits do I have") and reads tool results only for ids and names, never for what to do: its next step
/// depends on the user's words alone.
/// </summary>
internal sealed partial class OfflineAssistantModel : IAssistantModel
{
    public const string ProviderName = "offline";

    public Task<AssistantModelReply> NextAsync(AssistantModelRequest request, CancellationToken cancellationToken)
    {
        var messages = request.Messages;
        var lastQuestion = messages.Select((m, i) => (m, i)).LastOrDefault(x => x.m.Role == AssistantRole.User);
        var question = lastQuestion.m?.Content ?? "";
        var results = messages.Skip(lastQuestion.i + 1).Where(m => m.Role == AssistantRole.Tool)
            .Select(m => new ToolResult(m.ToolName ?? "", Parse(m.Content))).ToList();
        var turn = new Turn(request.Tools.Select(t => t.Name).ToHashSet(StringComparer.Ordinal), results, $"call_{messages.Count + 1}");
        return Task.FromResult(Plan(question.Trim(), turn));
    }

    private static AssistantModelReply Plan(string question, Turn turn)
    {
        if (CreateWebsiteRequest().Match(question) is { Success: true } create)
        {
            var name = create.Groups["name"].Value.Trim().TrimEnd('.', '!');
            var what = create.Groups["what"].Value.Trim();
            return turn.Results.Count == 0
                ? turn.Call("websites_create", new JsonObject { ["name"] = name, ["prompt"] = $"A website for {what} called {name}." })
                : turn.Conclude();
        }
        if (AddSectionRequest().Match(question) is { Success: true } add)
            return AddSection(add.Groups["type"].Value.ToLowerInvariant(), add.Groups["site"].Value.Trim().TrimEnd('.', '?', '!'), turn);
        if (VisitorsRequest().Match(question) is { Success: true } visitors)
            return Visitors(visitors.Groups["site"].Value.Trim(), turn);
        if (ReplyRequest().IsMatch(question))
            return DraftReply(turn);
        if (ListWebsitesRequest().IsMatch(question))
            return turn.Results.Count == 0 ? turn.Call("websites_list", []) : turn.Conclude();
        if (CreditsRequest().IsMatch(question))
            return turn.Results.Count == 0 ? turn.Call("credits_balance", []) : turn.Conclude();
        return Reply("I can list your websites, create a website (\"create a website for a bakery called Pain Doré\"), "
            + "add a section to one (\"add a pricing section to Pain Doré\"), tell you your credits, visitors, "
            + "or draft a reply to your latest message.");
    }

    private static AssistantModelReply AddSection(string type, string site, Turn turn)
    {
        if (turn.Results.Count == 0)
            return turn.Call("websites_list", new JsonObject { ["limit"] = 100 });
        if (turn.Results.Count == 1)
            return turn.WebsiteNamed(site) is { } websiteId
                ? turn.Call("websites_get", new JsonObject { ["websiteId"] = websiteId })
                : Reply($"I could not find a website called \"{site}\".");
        if (turn.Results.Count == 2 && turn.Last.Name == "websites_get" && !turn.Last.IsError)
        {
            var pages = turn.Last.Content.TryGetProperty("pages", out var list) ? list.EnumerateArray().ToList() : [];
            var home = pages.FirstOrDefault(p => p.GetProperty("path").GetString() == "/");
            if (home.ValueKind != JsonValueKind.Object && pages.Count > 0)
                home = pages[0];
            if (home.ValueKind != JsonValueKind.Object)
                return Reply($"\"{site}\" has no page to add a section to yet.");
            return turn.Call("sections_add", new JsonObject
            {
                ["websiteId"] = turn.Last.Content.GetProperty("id").GetString(),
                ["pageId"] = home.GetProperty("id").GetString(),
                ["type"] = type,
            });
        }
        return turn.Conclude();
    }

    private static AssistantModelReply Visitors(string site, Turn turn)
    {
        var analytics = turn.Available.FirstOrDefault(t => t.StartsWith("analytics_", StringComparison.Ordinal) && t.EndsWith("summary", StringComparison.Ordinal));
        if (analytics is null)
            return Reply("Visitor analytics are not available to me in this workspace.");
        if (turn.Results.Count == 0)
            return turn.Call("websites_list", new JsonObject { ["limit"] = 100 });
        if (turn.Results.Count == 1)
        {
            if (turn.WebsiteNamed(site) is not { } websiteId)
                return Reply($"I could not find a website called \"{site}\".");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            return turn.Call(analytics, new JsonObject
            {
                ["websiteId"] = websiteId,
                ["from"] = monday.AddDays(-7).ToString("yyyy-MM-dd"),
                ["to"] = monday.AddDays(-1).ToString("yyyy-MM-dd"),
            });
        }
        if (turn.Last.IsError)
            return turn.Conclude();
        var visitors = FindNumber(turn.Last.Content, "visitors") ?? FindNumber(turn.Last.Content, "uniqueVisitors")
            ?? FindNumber(turn.Last.Content, "pageViews");
        return Reply(visitors is { } count ? $"{site} had {count} visitors last week." : "Here is last week's summary.");
    }

    private static AssistantModelReply DraftReply(Turn turn)
    {
        var list = turn.Available.FirstOrDefault(t => t is "mailbox_threads_list" or "mailbox_list_threads");
        var draft = turn.Available.FirstOrDefault(t => t is "mailbox_reply_draft" or "mailbox_draft_reply");
        if (list is null || draft is null)
            return Reply("The mailbox is not available to me in this workspace.");
        if (turn.Results.Count == 0)
            return turn.Call(list, new JsonObject { ["limit"] = 1 });
        if (turn.Results.Count == 1 && !turn.Last.IsError)
        {
            var first = turn.Last.Content.TryGetProperty("items", out var items) ? items.EnumerateArray().FirstOrDefault() : default;
            if (first.ValueKind != JsonValueKind.Object)
                return Reply("Your mailbox has no message to answer.");
            return turn.Call(draft, new JsonObject { ["threadId"] = first.GetProperty("id").GetString() });
        }
        return turn.Conclude();
    }

    private static long? FindNumber(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.TryGetInt64(out var value))
                return value;
            if (FindNumber(property.Value, name) is { } nested)
                return nested;
        }
        return null;
    }

    private static JsonElement Parse(string? content)
    {
        try
        {
            return content is null ? default : JsonDocument.Parse(content).RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static AssistantModelReply Reply(string text) => new(text, [], ProviderName);

    private sealed record ToolResult(string Name, JsonElement Content)
    {
        public bool IsError => Content.ValueKind == JsonValueKind.Object && Content.TryGetProperty("error", out _);
    }

    private sealed record Turn(IReadOnlySet<string> Available, IReadOnlyList<ToolResult> Results, string NextCallId)
    {
        public ToolResult Last => Results[^1];

        public AssistantModelReply Call(string tool, JsonObject arguments) => Available.Contains(tool)
            ? new AssistantModelReply(null, [new AssistantToolCall(NextCallId, tool, JsonSerializer.SerializeToElement(arguments))], ProviderName)
            : Reply("That is beyond what your role allows in this workspace.");

        public string? WebsiteNamed(string name)
        {
            if (Results.LastOrDefault(r => r.Name == "websites_list") is not { IsError: false } list
                || !list.Content.TryGetProperty("items", out var items))
                return null;
            var sites = items.EnumerateArray().ToList();
            var match = sites.FirstOrDefault(s => string.Equals(s.GetProperty("name").GetString(), name, StringComparison.OrdinalIgnoreCase));
            if (match.ValueKind != JsonValueKind.Object)
                match = sites.FirstOrDefault(s => s.GetProperty("name").GetString() is { } n
                    && (n.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(n, StringComparison.OrdinalIgnoreCase)));
            return match.ValueKind == JsonValueKind.Object ? match.GetProperty("id").GetString() : null;
        }

        /// <summary>The closing sentence, from the last tool result's shape (never from its text).</summary>
        public AssistantModelReply Conclude()
        {
            var content = Last.Content;
            if (content.ValueKind != JsonValueKind.Object)
                return Reply("Done.");
            if (content.TryGetProperty("error", out var error))
                return Reply($"That did not work ({error.GetProperty("code").GetString()}): {error.GetProperty("message").GetString()}");
            if (content.TryGetProperty("status", out var status) && status.GetString() == "awaiting_user_confirmation")
            {
                var price = content.TryGetProperty("price", out var p) && p.ValueKind == JsonValueKind.Number ? $" It costs {p.GetInt64()} credits." : "";
                return Reply($"I have prepared this for you to confirm: {content.GetProperty("summary").GetString()}.{price}");
            }
            if (Last.Name == "websites_list" && content.TryGetProperty("items", out var items))
            {
                var names = items.EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
                return Reply(names.Count == 0
                    ? "You have no websites yet."
                    : $"You have {names.Count} website{(names.Count == 1 ? "" : "s")}: {string.Join(", ", names)}.");
            }
            if (Last.Name == "credits_balance" && content.TryGetProperty("available", out var available))
                return Reply($"You have {available.GetInt64()} credits available.");
            return Reply("Done.");
        }
    }

    [GeneratedRegex(@"^(?:please\s+)?create\s+(?:a\s+)?(?:new\s+)?(?:web)?site\s+for\s+(?<what>.+?)\s+(?:called|named)\s+(?<name>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CreateWebsiteRequest();

    [GeneratedRegex(@"\badd\s+(?:a|an)\s+(?<type>hero|features|about|testimonials|pricing|faq|gallery|contact|cta|footer)\s+section\s+to\s+(?<site>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AddSectionRequest();

    [GeneratedRegex(@"\bhow\s+many\s+visitors\s+did\s+(?<site>.+?)\s+have\b", RegexOptions.IgnoreCase)]
    private static partial Regex VisitorsRequest();

    [GeneratedRegex(@"\bdraft\s+(?:a\s+)?repl(?:y|ies)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyRequest();

    [GeneratedRegex(@"\b(?:list|show)\b.*\b(?:web)?sites\b|\bmy\s+(?:web)?sites\b", RegexOptions.IgnoreCase)]
    private static partial Regex ListWebsitesRequest();

    [GeneratedRegex(@"\bcredits?\b|\bbalance\b", RegexOptions.IgnoreCase)]
    private static partial Regex CreditsRequest();
}
