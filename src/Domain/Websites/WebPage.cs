using IaGenify.Domain.Common;

namespace IaGenify.Domain.Websites;

/// <summary>A page of a website: its path, title, SEO description and ordered sections.</summary>
public sealed class WebPage : Entity, ITenantOwned
{
    public const int MaxTitleLength = 120;
    public const int MaxDescriptionLength = 300;
    public const int MaxSections = 30;

    private readonly List<Section> _sections = [];

    private WebPage()
    {
        Path = "/";
        Title = string.Empty;
    }

    internal WebPage(Guid workspaceId, Guid websiteId, string path, string title, string? description, int order)
    {
        WorkspaceId = workspaceId;
        WebsiteId = websiteId;
        Order = order;
        Path = path;
        Title = title;
        Describe(path, title, description);
    }

    public Guid WorkspaceId { get; private set; }
    public Guid WebsiteId { get; private set; }
    public string Path { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }
    public int Order { get; internal set; }
    public IReadOnlyCollection<Section> Sections => _sections;

    public IEnumerable<Section> OrderedSections => _sections.OrderBy(s => s.Order);

    internal void Describe(string path, string title, string? description)
    {
        if (!SitePaths.IsPagePath(path))
            throw new BusinessRuleException("page.invalid_path", "A page path is \"/\" or lower-case segments such as \"/about\".");
        Path = path;
        Title = Guard.NotBlank(title, MaxTitleLength, nameof(title));
        Description = string.IsNullOrWhiteSpace(description) ? null
            : description.Trim().Length <= MaxDescriptionLength ? description.Trim()
            : throw new ArgumentException($"A description has at most {MaxDescriptionLength} characters.", nameof(description));
    }

    internal Section AddSection(SectionProps props, int? position)
    {
        if (_sections.Count >= MaxSections)
            throw new BusinessRuleException("page.too_many_sections", $"A page has at most {MaxSections} sections.");
        var ordered = OrderedSections.ToList();
        var index = Math.Clamp(position ?? ordered.Count, 0, ordered.Count);
        var section = new Section(WorkspaceId, Id, props, index);
        ordered.Insert(index, section);
        _sections.Add(section);
        Renumber(ordered);
        return section;
    }

    internal void RemoveSection(Section section)
    {
        _sections.Remove(section);
        Renumber(OrderedSections.ToList());
    }

    internal void ReorderSections(IReadOnlyList<Guid> sectionIds)
    {
        if (sectionIds.Count != _sections.Count || sectionIds.Distinct().Count() != sectionIds.Count
            || sectionIds.Any(id => _sections.All(s => s.Id != id)))
            throw new BusinessRuleException("page.reorder_mismatch", "List every section of the page exactly once.");
        Renumber(sectionIds.Select(id => _sections.Single(s => s.Id == id)).ToList());
    }

    private static void Renumber(IReadOnlyList<Section> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
            ordered[i].Order = i;
    }
}
