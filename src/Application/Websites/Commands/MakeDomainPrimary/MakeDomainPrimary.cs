using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites.Domains;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Domain.Websites.Domains;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.MakeDomainPrimary;

/// <summary>Makes a verified domain the address the website's <c>/sites/{slug}</c> URL redirects to.</summary>
[RequiresPermission(Permission.ContentWrite)]
public sealed record MakeDomainPrimary(Guid WorkspaceId, Guid WebsiteId, Guid DomainId) : ICommand<CustomDomainDto>, IWorkspaceRequest;

internal sealed class MakeDomainPrimaryHandler(CustomDomainAccess access, IWebsiteDomainsLock websiteLock, IRepository<CustomDomain> domains,
    IUnitOfWork unitOfWork)
    : IRequestHandler<MakeDomainPrimary, CustomDomainDto>
{
    public async Task<CustomDomainDto> Handle(MakeDomainPrimary request, CancellationToken cancellationToken)
    {
        await access.EnsureWebsiteAsync(request.WebsiteId, cancellationToken);
        // Locked before anything is read: the domains read are then the ones this commit changes.
        await websiteLock.LockAsync(request.WebsiteId, cancellationToken);
        var domain = await access.LoadAsync(request.WebsiteId, request.DomainId, cancellationToken);
        foreach (var other in await domains.ListAsync(new CustomDomainsOfWebsiteSpec(request.WebsiteId, tracking: true), cancellationToken))
            if (other.Id != domain.Id)
                other.ClearPrimary();
        domain.MakePrimary();
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return CustomDomainDto.From(domain);
    }
}
