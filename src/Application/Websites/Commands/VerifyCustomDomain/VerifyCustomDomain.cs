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

namespace IaGenify.Application.Websites.Commands.VerifyCustomDomain;

/// <summary>
/// Looks up the domain's TXT record now. Found: the domain is verified (and becomes the website's primary address if
/// it has none). Not found: 409 <c>domain.not_verified</c>, and the domain stays pending so the customer can retry.
/// </summary>
[RequiresPermission(Permission.ContentWrite)]
public sealed record VerifyCustomDomain(Guid WorkspaceId, Guid WebsiteId, Guid DomainId) : ICommand<CustomDomainDto>, IWorkspaceRequest;

internal sealed class VerifyCustomDomainHandler(
    CustomDomainAccess access,
    IWebsiteDomainsLock websiteLock,
    IRepository<CustomDomain> domains,
    IDnsTxtResolver dns,
    IAuditLog auditLog,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<VerifyCustomDomain, CustomDomainDto>
{
    public async Task<CustomDomainDto> Handle(VerifyCustomDomain request, CancellationToken cancellationToken)
    {
        var domain = await access.LoadAsync(request.WebsiteId, request.DomainId, cancellationToken);
        var wasVerified = domain.Status == DomainStatus.Verified;
        var records = await dns.TxtRecordsAsync(domain.VerificationName, cancellationToken);
        if (!domain.Verify(records, clock.GetUtcNow()))
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
            throw new ConflictException("domain.not_verified",
                $"No TXT record {domain.VerificationName} with the expected value was found. DNS changes can take a while to appear; try again later.");
        }
        if (!wasVerified)
        {
            // After the DNS lookup (seconds at worst), not around it: held only to choose the primary.
            await websiteLock.LockAsync(request.WebsiteId, cancellationToken);
            var siblings = await domains.ListAsync(new CustomDomainsOfWebsiteSpec(request.WebsiteId), cancellationToken);
            if (!siblings.Any(d => d.IsPrimary))
                domain.MakePrimary();
            auditLog.Record(AuditActions.DomainVerified, request.WorkspaceId, "domain", domain.Id.ToString(),
                new Dictionary<string, string> { ["hostname"] = domain.Hostname });
        }
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return CustomDomainDto.From(domain);
    }
}
