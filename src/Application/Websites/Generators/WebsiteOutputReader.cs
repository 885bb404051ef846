using System.Text.Json;
using System.Text.Json.Nodes;
using IaGenify.Application.Generations;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites.Generators;

/// <summary>
/// Reads a model's answer for the website kinds: checks it against the schema and the section catalog, normalizes
/// it (paths, colours, props in canonical form) and throws <see cref="OutputInvalidException"/> with every problem
/// found, so the next attempt can be told what to fix. Also turns stored outputs back into page drafts.
/// </summary>
public static class WebsiteOutputReader
{
    public static JsonObject ReadWebsite(string json)
    {
        var errors = new Dictionary<string, string[]>();
        var root = Parse(json);
        var result = new JsonObject
        {
            ["name"] = Text(root, "name", Website.MaxNameLength, "", errors),
            ["theme"] = ReadTheme(root, errors),
            ["pages"] = ReadList(root, "pages", "", 1, WebsiteSchemas.MaxGeneratedPages, errors, (page, path) => ReadPage(page, path, errors)),
        };
        if (result["pages"] is JsonArray pages)
        {
            var paths = pages.Select(p => (string?)p?["path"]).ToList();
            if (paths.Distinct().Count() != paths.Count)
                Add(errors, "pages", "Every page needs its own path.");
        }
        return errors.Count == 0 ? result : throw new OutputInvalidException(errors);
    }

    public static JsonObject ReadPage(string json)
    {
        var errors = new Dictionary<string, string[]>();
        var page = ReadPage(Parse(json), "", errors);
        return errors.Count == 0 ? page! : throw new OutputInvalidException(errors);
    }

    public static JsonObject ReadSection(string json, SectionType expected)
    {
        var errors = new Dictionary<string, string[]>();
        var section = ReadSection(Parse(json), "", expected, errors);
        return errors.Count == 0 ? section! : throw new OutputInvalidException(errors);
    }

    /// <summary>A stored (already validated) page output as a draft.</summary>
    public static PageDraft ToDraft(JsonNode page) => new(
        (string)page["path"]!,
        (string)page["title"]!,
        (string?)page["description"],
        page["sections"]!.AsArray().Select(s => ToProps(s!)).ToList());

    public static SectionProps ToProps(JsonNode section)
    {
        SectionCatalog.TryParse((string?)section["type"], out var type);
        return SectionProps.FromStored(type, section["props"]!.ToJsonString());
    }

    public static Theme ToTheme(JsonNode theme) => Theme.Create(
        (string)theme["primary"]!, (string)theme["accent"]!, (string)theme["background"]!, (string)theme["text"]!,
        Enum.Parse<ThemeFont>((string)theme["font"]!, ignoreCase: true));

    private static JsonElement Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw OutputInvalidException.For("$", "The answer must be a JSON object.");
        }
        catch (JsonException)
        {
            throw OutputInvalidException.For("$", "The answer is not valid JSON.");
        }
    }

    private static JsonObject? ReadTheme(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty("theme", out var theme) || theme.ValueKind != JsonValueKind.Object)
        {
            Add(errors, "theme", "Is required and must be an object.");
            return null;
        }
        var result = new JsonObject();
        foreach (var name in new[] { "primary", "accent", "background", "text" })
        {
            var value = theme.TryGetProperty(name, out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()!.Trim() : null;
            if (Theme.IsColor(value))
                result[name] = value!.ToLowerInvariant();
            else
                Add(errors, $"theme.{name}", "Must be a colour #rrggbb.");
        }
        var font = theme.TryGetProperty("font", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        if (Enum.TryParse<ThemeFont>(font, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            result["font"] = parsed.ToString().ToLowerInvariant();
        else
            Add(errors, "theme.font", $"Must be one of {string.Join(", ", Enum.GetNames<ThemeFont>().Select(n => n.ToLowerInvariant()))}.");
        return result;
    }

    private static JsonObject? ReadPage(JsonElement page, string path, Dictionary<string, string[]> errors)
    {
        if (page.ValueKind != JsonValueKind.Object)
        {
            Add(errors, Join(path, "page"), "Must be an object.");
            return null;
        }
        var pagePath = page.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? NormalizePath(p.GetString()!) : null;
        if (pagePath is null)
            Add(errors, Join(path, "path"), "Must be \"/\" or lower-case segments such as \"/about\".");
        var description = page.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()!.Trim() : null;
        if (description is { Length: > WebPage.MaxDescriptionLength })
            description = description[..WebPage.MaxDescriptionLength];
        return new JsonObject
        {
            ["path"] = pagePath,
            ["title"] = Text(page, "title", WebPage.MaxTitleLength, path, errors),
            ["description"] = string.IsNullOrEmpty(description) ? null : description,
            ["sections"] = ReadList(page, "sections", path, 1, WebsiteSchemas.MaxGeneratedSections, errors,
                (section, sectionPath) => ReadSection(section, sectionPath, expected: null, errors)),
        };
    }

    private static JsonObject? ReadSection(JsonElement section, string path, SectionType? expected, Dictionary<string, string[]> errors)
    {
        var typeName = section.ValueKind == JsonValueKind.Object && section.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;
        if (!SectionCatalog.TryParse(typeName, out var type) || (expected is { } wanted && type != wanted))
        {
            Add(errors, Join(path, "type"), expected is { } e
                ? $"Must be \"{SectionCatalog.NameOf(e)}\"."
                : $"Must be one of {string.Join(", ", SectionCatalog.Types.Select(SectionCatalog.NameOf))}.");
            return null;
        }
        if (!section.TryGetProperty("props", out var props))
        {
            Add(errors, Join(path, "props"), "Is required.");
            return null;
        }
        if (!SectionProps.TryCreate(type, props, out var valid, out var propErrors))
        {
            foreach (var (key, messages) in propErrors)
                foreach (var message in messages)
                    Add(errors, Join(Join(path, "props"), key == "props" ? "" : key).TrimEnd('.'), message);
            return null;
        }
        return new JsonObject { ["type"] = SectionCatalog.NameOf(type), ["props"] = JsonNode.Parse(valid!.Json) };
    }

    private static JsonArray? ReadList(JsonElement parent, string name, string path, int min, int max, Dictionary<string, string[]> errors,
        Func<JsonElement, string, JsonObject?> read)
    {
        var listPath = Join(path, name);
        if (!parent.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            Add(errors, listPath, "Is required and must be a list.");
            return null;
        }
        var count = list.GetArrayLength();
        if (count < min)
        {
            Add(errors, listPath, $"Must have at least {min} item(s).");
            return null;
        }
        var result = new JsonArray();
        var index = 0;
        foreach (var item in list.EnumerateArray().Take(max))
        {
            if (read(item, $"{listPath}[{index++}]") is { } node)
                result.Add(node);
        }
        return result;
    }

    private static string? Text(JsonElement parent, string name, int maxLength, string path, Dictionary<string, string[]> errors)
    {
        var value = parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : null;
        if (string.IsNullOrEmpty(value))
        {
            Add(errors, Join(path, name), "Is required.");
            return null;
        }
        return value.Length <= maxLength ? value : value[..maxLength].TrimEnd();
    }

    /// <summary>Lenient about form ("About Us" → "/about-us"), strict about the result.</summary>
    private static string? NormalizePath(string raw)
    {
        var segments = raw.Trim().Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(SitePaths.SegmentFrom)
            .Where(s => s.Length > 0)
            .ToList();
        var path = "/" + string.Join("/", segments);
        return SitePaths.IsPagePath(path) ? path : null;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : name.Length == 0 ? path : $"{path}.{name}";

    private static void Add(Dictionary<string, string[]> errors, string path, string message) =>
        errors[path] = errors.TryGetValue(path, out var existing) ? [.. existing, message] : [message];
}
