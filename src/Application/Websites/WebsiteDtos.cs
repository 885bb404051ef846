using System.Text.Json;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites;

public sealed record ThemeDto(string Primary, string Accent, string Background, string Text, ThemeFont Font)
{
    public static ThemeDto From(Theme theme) => new(theme.Primary, theme.Accent, theme.Background, theme.Text, theme.Font);

    public Theme ToTheme() => Theme.Create(Primary, Accent, Background, Text, Font);
}

public sealed record SectionDto(Guid Id, string Type, int Order, JsonElement Props)
{
    public static SectionDto From(Section section) =>
        new(section.Id, SectionCatalog.NameOf(section.Type), section.Order, JsonDocument.Parse(section.Props).RootElement.Clone());
}

public sealed record PageDto(Guid Id, string Path, string Title, string? Description, int Order, IReadOnlyList<SectionDto> Sections)
{
    public static PageDto From(WebPage page) =>
        new(page.Id, page.Path, page.Title, page.Description, page.Order, page.OrderedSections.Select(SectionDto.From).ToList());
}

/// <summary>
/// A website with its pages and sections, as the editor sees it (the draft, not what is published), and the origins
/// allowed to frame the published site besides the site itself.
/// </summary>
public sealed record WebsiteDto(Guid Id, string Name, string Slug, WebsiteStatus Status, ThemeDto Theme, int? PublishedRevision,
    DateTimeOffset? PublishedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<PageDto> Pages,
    IReadOnlyList<string> AllowedFrameAncestors)
{
    public static WebsiteDto From(Website website) => new(website.Id, website.Name, website.Slug, website.Status, ThemeDto.From(website.Theme),
        website.PublishedRevisionId is null ? null : website.RevisionCount, website.PublishedAt, website.CreatedAt, website.UpdatedAt,
        website.OrderedPages.Select(PageDto.From).ToList(), website.AllowedFrameAncestors);
}

public sealed record WebsiteSummaryDto(Guid Id, string Name, string Slug, WebsiteStatus Status, DateTimeOffset? PublishedAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>What creating a website answers: the site, and the generation that fills it.</summary>
public sealed record CreatedWebsiteDto(Guid Id, Guid GenerationId, WebsiteStatus Status);

public sealed record PublishedWebsiteDto(Guid WebsiteId, int Revision, DateTimeOffset PublishedAt, string Url);
