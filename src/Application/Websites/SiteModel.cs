using System.Text.Json;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites;

public sealed record SiteSection(Guid Id, SectionType Type, JsonElement Props);

public sealed record SitePage(string Path, string Title, string? Description, IReadOnlyList<SiteSection> Sections);

/// <summary>
/// A website as the renderer draws it. The preview builds it from the live aggregate; publishing serializes it into
/// a revision, so the public site renders exactly what was published.
/// </summary>
public sealed record SiteModel(string Name, ThemeDto Theme, IReadOnlyList<SitePage> Pages)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SiteModel From(Website website) => new(
        website.Name,
        ThemeDto.From(website.Theme),
        website.OrderedPages.Select(p => new SitePage(p.Path, p.Title, p.Description,
            p.OrderedSections.Select(s => new SiteSection(s.Id, s.Type, JsonDocument.Parse(s.Props).RootElement.Clone())).ToList())).ToList());

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static SiteModel Deserialize(string snapshot) =>
        JsonSerializer.Deserialize<SiteModel>(snapshot, Json) ?? throw new InvalidOperationException("Empty site snapshot.");
}
