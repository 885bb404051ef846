using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Websites.Domains;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Queries.IsDomainAllowed;

/// <summary>
/// Whether a TLS terminator may obtain a certificate for a host name (Caddy's on-demand <c>ask</c>): only verified
/// domains and the other half of their apex/www pair, which redirects to them, and never those of a deleted workspace
/// (its sites are not served).
/// </summary>
[AllowAnonymous]
public sealed record IsDomainAllowed(string Domain) : IQuery<bool>;

internal sealed class IsDomainAllowedHandler(IRepository<CustomDomain> domains, IRepository<Workspace> workspaces)
    : IRequestHandler<IsDomainAllowed, bool>
{
    public async Task<bool> Handle(IsDomainAllowed request, CancellationToken cancellationToken)
    {
        if (HostNames.Normalize(request.Domain) is not { } hostname)
            return false;
        var counterpart = HostNames.Counterpart(hostname);
        var candidates = counterpart is null ? [hostname] : new[] { hostname, counterpart };
        var verified = await domains.ListAsync(new VerifiedDomainsByHostSpec(candidates), cancellationToken);
        foreach (var workspaceId in verified.Select(d => d.WorkspaceId).Distinct())
            if (await workspaces.FirstOrDefaultAsync(new WorkspaceByIdSpec(workspaceId), cancellationToken) is { IsDeleted: false })
                return true;
        return false;
    }
}
