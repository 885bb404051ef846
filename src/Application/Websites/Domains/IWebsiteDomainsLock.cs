namespace IaGenify.Application.Websites.Domains;

/// <summary>
/// Serialises the changes that choose a website's primary domain. Opens the unit of work's transaction and locks the
/// website's row until the caller's <c>SaveChangesAsync</c> commits, so that two requests cannot each clear the old
/// primary and set their own.
/// </summary>
public interface IWebsiteDomainsLock
{
    Task LockAsync(Guid websiteId, CancellationToken cancellationToken);
}
