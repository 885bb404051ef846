using IaGenify.Domain.Common;

namespace IaGenify.Domain.Websites;

/// <summary>
/// A structured website: name, globally unique slug, theme and ordered pages of ordered sections. Every change goes
/// through this aggregate and bumps <see cref="Version"/>, so two editors saving at once cannot both win.
/// The live site changes only when it is published (<see cref="WebsiteRevision"/>).
/// </summary>
public sealed class Website : Entity, ITenantOwned
{
    public const int MaxNameLength = 100;
    public const int MaxPages = 30;

    private readonly List<WebPage> _pages = [];

    private Website()
    {
        Name = string.Empty;
        Slug = string.Empty;
        Theme = Theme.Default;
    }

    public Guid WorkspaceId { get; private set; }
    public string Name { get; private set; }
    public string Slug { get; private set; }
    public Theme Theme { get; private set; }
    public WebsiteStatus Status { get; private set; }
    public Guid? PublishedRevisionId { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public int RevisionCount { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>
    /// Origins besides the site itself that may frame the published site, canonical (<see cref="FrameAncestors"/>).
    /// A setting of the live site, not of the draft: it applies without publishing.
    /// </summary>
    public IReadOnlyList<string> AllowedFrameAncestors { get; private set; } = [];

    public IReadOnlyCollection<WebPage> Pages => _pages;

    public IEnumerable<WebPage> OrderedPages => _pages.OrderBy(p => p.Order);

    /// <summary>A new, empty site waiting for its first generation.</summary>
    public static Website Create(Guid workspaceId, string name, string slug, DateTimeOffset now)
    {
        if (!SitePaths.IsSlug(slug))
            throw new BusinessRuleException("website.invalid_slug", "A slug has 3 to 60 lower-case letters, digits and dashes.");
        return new Website
        {
            WorkspaceId = workspaceId,
            Name = Guard.NotBlank(name, MaxNameLength, nameof(name)),
            Slug = slug,
            Status = WebsiteStatus.Generating,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public void Rename(string name, DateTimeOffset now)
    {
        Name = Guard.NotBlank(name, MaxNameLength, nameof(name));
        Touch(now);
    }

    public void ChangeSlug(string slug, DateTimeOffset now)
    {
        if (!SitePaths.IsSlug(slug))
            throw new BusinessRuleException("website.invalid_slug", "A slug has 3 to 60 lower-case letters, digits and dashes.");
        Slug = slug;
        Touch(now);
    }

    public void ChangeTheme(Theme theme, DateTimeOffset now)
    {
        Theme = theme;
        Touch(now);
    }

    /// <summary>Replaces who may frame the published site; an empty list leaves the site alone (<c>'self'</c>).</summary>
    /// <returns>Whether anything changed.</returns>
    public bool AllowFrameAncestors(IReadOnlyList<string?> origins, DateTimeOffset now)
    {
        var normalized = FrameAncestors.Normalize(origins);
        if (normalized.SequenceEqual(AllowedFrameAncestors, StringComparer.Ordinal))
            return false;
        AllowedFrameAncestors = normalized;
        Touch(now);
        return true;
    }

    /// <summary>Fills the site with generated pages, replacing whatever it had.</summary>
    public void ApplyGenerated(Theme theme, IReadOnlyList<PageDraft> pages, DateTimeOffset now)
    {
        if (pages.Count == 0)
            throw new BusinessRuleException("website.no_pages", "A generated website has at least one page.");
        _pages.Clear();
        Theme = theme;
        foreach (var draft in pages.Take(MaxPages))
            AddGeneratedPage(draft, now);
        Status = WebsiteStatus.Ready;
        Touch(now);
    }

    public void MarkGenerationFailed(DateTimeOffset now)
    {
        if (Status != WebsiteStatus.Generating)
            return;
        Status = WebsiteStatus.GenerationFailed;
        Touch(now);
    }

    public WebPage AddPage(string path, string title, string? description, DateTimeOffset now)
    {
        if (_pages.Count >= MaxPages)
            throw new BusinessRuleException("website.too_many_pages", $"A website has at most {MaxPages} pages.");
        EnsurePathFree(path, except: null);
        var page = new WebPage(WorkspaceId, Id, path, title, description, _pages.Count == 0 ? 0 : _pages.Max(p => p.Order) + 1);
        _pages.Add(page);
        if (Status != WebsiteStatus.Ready)
            Status = WebsiteStatus.Ready;
        Touch(now);
        return page;
    }

    /// <summary>Adds a generated page; a path already taken gets a numbered suffix rather than failing the generation.</summary>
    public WebPage AddGeneratedPage(PageDraft draft, DateTimeOffset now)
    {
        var path = draft.Path;
        for (var n = 2; _pages.Any(p => p.Path == path); n++)
            path = (draft.Path == "/" ? "/page" : draft.Path) + "-" + n;
        var page = AddPage(path, draft.Title, draft.Description, now);
        foreach (var props in draft.Sections.Take(WebPage.MaxSections))
            page.AddSection(props, position: null);
        return page;
    }

    public void UpdatePage(Guid pageId, string path, string title, string? description, DateTimeOffset now)
    {
        var page = Page(pageId);
        EnsurePathFree(path, except: page);
        page.Describe(path, title, description);
        Touch(now);
    }

    public void RemovePage(Guid pageId, DateTimeOffset now)
    {
        _pages.Remove(Page(pageId));
        Renumber(OrderedPages.ToList());
        Touch(now);
    }

    public void ReorderPages(IReadOnlyList<Guid> pageIds, DateTimeOffset now)
    {
        if (pageIds.Count != _pages.Count || pageIds.Distinct().Count() != pageIds.Count || pageIds.Any(id => _pages.All(p => p.Id != id)))
            throw new BusinessRuleException("website.reorder_mismatch", "List every page of the website exactly once.");
        Renumber(pageIds.Select(id => _pages.Single(p => p.Id == id)).ToList());
        Touch(now);
    }

    public Section AddSection(Guid pageId, SectionProps props, int? position, DateTimeOffset now)
    {
        var section = Page(pageId).AddSection(props, position);
        Touch(now);
        return section;
    }

    public void UpdateSection(Guid sectionId, SectionProps props, DateTimeOffset now)
    {
        Section(sectionId).Replace(props);
        Touch(now);
    }

    public void RemoveSection(Guid sectionId, DateTimeOffset now)
    {
        var section = Section(sectionId);
        Page(section.PageId).RemoveSection(section);
        Touch(now);
    }

    public void ReorderSections(Guid pageId, IReadOnlyList<Guid> sectionIds, DateTimeOffset now)
    {
        Page(pageId).ReorderSections(sectionIds);
        Touch(now);
    }

    public WebPage? FindPage(Guid pageId) => _pages.FirstOrDefault(p => p.Id == pageId);

    public Section? FindSection(Guid sectionId) => _pages.SelectMany(p => p.Sections).FirstOrDefault(s => s.Id == sectionId);

    public WebPage Page(Guid pageId) => FindPage(pageId) ?? throw new NotFoundException("Page");

    public Section Section(Guid sectionId) => FindSection(sectionId) ?? throw new NotFoundException("Section");

    /// <summary>Every asset the site's sections refer to.</summary>
    public IReadOnlyList<Guid> AssetIds() =>
        _pages.SelectMany(p => p.Sections).SelectMany(s => s.ValidatedProps.AssetIds).Distinct().ToList();

    /// <summary>
    /// Makes <paramref name="snapshot"/> (the serialized site) the live revision; <paramref name="previous"/> is the
    /// revision live until now, if any.
    /// </summary>
    public WebsiteRevision Publish(string snapshot, WebsiteRevision? previous, Guid? publishedBy, DateTimeOffset now)
    {
        if (_pages.Count == 0)
            throw new BusinessRuleException("website.empty", "A website needs at least one page before it can be published.");
        if (previous is not null && previous.Id != PublishedRevisionId)
            throw new ArgumentException("That is not the live revision.", nameof(previous));
        previous?.Retire();
        RevisionCount++;
        var revision = new WebsiteRevision(WorkspaceId, Id, RevisionCount, snapshot, AssetIds(), publishedBy, now);
        PublishedRevisionId = revision.Id;
        PublishedAt = now;
        Version++;
        return revision;
    }

    private void EnsurePathFree(string path, WebPage? except)
    {
        if (_pages.Any(p => p.Path == path && p != except))
            throw new BusinessRuleException("page.path_taken", $"Another page of this website already has the path {path}.");
    }

    private static void Renumber(IReadOnlyList<WebPage> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
            ordered[i].Order = i;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
