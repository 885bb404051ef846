namespace IaGenify.Application.Websites;

/// <summary>Data of <c>website.published</c>.</summary>
public sealed record WebsitePublishedData(Guid WebsiteId, string Slug, int Revision, string Url);
