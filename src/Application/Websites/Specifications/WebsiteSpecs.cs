using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites.Specifications;

/// <summary>A website with its pages and sections (the whole aggregate).</summary>
public sealed class WebsiteSpec : Specification<Website>
{
    public WebsiteSpec(Guid websiteId, bool tracking = false)
    {
        Query.Where(w => w.Id == websiteId);
        Query.Include(w => w.Pages).ThenInclude(p => p.Sections);
        // One query per level: a single join would repeat the website's columns on every section row.
        Query.AsSplitQuery();
        if (!tracking)
            Query.AsNoTracking();
    }
}

public sealed class WebsitesPageSpec : Specification<Website, WebsiteSummaryDto>
{
    public WebsitesPageSpec(Guid? before, int take)
    {
        if (before is { } cursor)
            Query.Where(w => w.Id.CompareTo(cursor) < 0);
        Query.OrderByDescending(w => w.Id);
        Query.Take(take);
        Query.Select(w => new WebsiteSummaryDto(w.Id, w.Name, w.Slug, w.Status, w.PublishedAt, w.CreatedAt, w.UpdatedAt));
    }
}

/// <summary>Slugs are unique across all workspaces, so the check looks past the tenant filter (it reveals only "taken").</summary>
public sealed class SlugTakenSpec : Specification<Website>
{
    public SlugTakenSpec(string slug, Guid? exceptWebsiteId = null)
    {
        Query.IgnoreTenantFilter();
        Query.Where(w => w.Slug == slug);
        if (exceptWebsiteId is { } except)
            Query.Where(w => w.Id != except);
    }
}

/// <summary>
/// The published site at a public address: any workspace's website with that slug, but only if it has been
/// published. Anonymous requests have no workspace, so the tenant filter is lifted and the slug is the scope.
/// </summary>
public sealed class PublishedWebsiteBySlugSpec : Specification<Website>
{
    public PublishedWebsiteBySlugSpec(string slug)
    {
        Query.IgnoreTenantFilter();
        Query.Where(w => w.Slug == slug && w.PublishedRevisionId != null);
        Query.AsNoTracking();
    }
}

/// <summary>The live revision of a website found by slug; scoped by that website's workspace and id.</summary>
public sealed class LiveRevisionSpec : Specification<WebsiteRevision>
{
    public LiveRevisionSpec(Guid workspaceId, Guid websiteId, bool tracking = false)
    {
        Query.IgnoreTenantFilter();
        Query.Where(r => r.WorkspaceId == workspaceId && r.WebsiteId == websiteId && r.IsLive);
        if (!tracking)
            Query.AsNoTracking();
    }
}
