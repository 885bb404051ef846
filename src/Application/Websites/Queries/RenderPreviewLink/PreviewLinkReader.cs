using Ardalis.Specification;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Specifications;
using IaGenify.Application.Websites.Ports;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Websites.Queries.RenderPreviewLink;

/// <summary>
/// Turns a signed preview link into the website it grants. A malformed, altered or expired token, a website that is
/// gone, or a deleted workspace all answer the same 404: a link never tells why it does not work.
/// </summary>
public sealed class PreviewLinkReader(IPreviewLinkSigner signer, IRepository<Website> websites, IRepository<Workspace> workspaces,
    TimeProvider clock)
{
    public async Task<Website> WebsiteAsync(string token, CancellationToken cancellationToken)
    {
        if (signer.Read(token) is not { } grant || grant.ExpiresAt <= clock.GetUtcNow())
            throw new NotFoundException("Preview");
        var workspace = await workspaces.FirstOrDefaultAsync(new WorkspaceByIdSpec(grant.WorkspaceId), cancellationToken);
        if (workspace is null || workspace.IsDeleted)
            throw new NotFoundException("Preview");
        return await websites.FirstOrNotFoundAsync(new GrantedWebsiteSpec(grant), "Preview", cancellationToken);
    }

    /// <summary>The granted website in the granted workspace: the request has no workspace of its own to filter by.</summary>
    private sealed class GrantedWebsiteSpec : Specification<Website>
    {
        public GrantedWebsiteSpec(PreviewLinkGrant grant)
        {
            Query.IgnoreTenantFilter();
            Query.Where(w => w.WorkspaceId == grant.WorkspaceId && w.Id == grant.WebsiteId);
            Query.Include(w => w.Pages).ThenInclude(p => p.Sections);
            Query.AsSplitQuery();
            Query.AsNoTracking();
        }
    }
}
