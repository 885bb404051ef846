using IaGenify.Application.Billing.Entitlements;
using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites.Domains;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Websites.Domains;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.AddCustomDomain;

/// <summary>
/// Points a host name at a website. The domain stays pending until the TXT record it names is found in DNS, so a
/// name nobody has proved control of never serves anything.
/// </summary>
[RequiresPermission(Permission.ContentWrite)]
public sealed record AddCustomDomain(Guid WorkspaceId, Guid WebsiteId, string Hostname) : ICommand<CustomDomainDto>, IWorkspaceRequest;

internal sealed class AddCustomDomainHandler(
    CustomDomainAccess access,
    IRepository<CustomDomain> domains,
    IEntitlements entitlements,
    PlatformHosts platformHosts,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<AddCustomDomain, CustomDomainDto>
{
    public async Task<CustomDomainDto> Handle(AddCustomDomain request, CancellationToken cancellationToken)
    {
        await access.EnsureWebsiteAsync(request.WebsiteId, cancellationToken);
        await entitlements.EnsureCustomDomainAsync(request.WorkspaceId, cancellationToken);
        var hostname = HostNames.Normalize(request.Hostname)
            ?? throw RequestValidationException.For("hostname", "Not a public DNS host name.");
        if (platformHosts.IsPlatformHost(hostname))
            throw RequestValidationException.For("hostname", "This host name belongs to the platform itself.");
        if (await domains.AnyAsync(new HostnameTakenSpec(hostname), cancellationToken))
            throw new ConflictException("domain.taken", "This host name is already connected to a website.");

        var domain = CustomDomain.Create(request.WorkspaceId, request.WebsiteId, hostname,
            SecureToken.Create("iagenify-verify="), clock.GetUtcNow());
        domains.Add(domain);
        auditLog.Record(AuditActions.DomainAdded, request.WorkspaceId, "domain", domain.Id.ToString(),
            new Dictionary<string, string> { ["hostname"] = hostname, ["websiteId"] = request.WebsiteId.ToString() });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return CustomDomainDto.From(domain);
    }
}
