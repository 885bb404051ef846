using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites.Domains;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Websites.Domains;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.DeleteCustomDomain;

/// <summary>Disconnects a domain: it stops serving the website at once and the host name is free for anyone again.</summary>
[RequiresPermission(Permission.ContentWrite)]
public sealed record DeleteCustomDomain(Guid WorkspaceId, Guid WebsiteId, Guid DomainId) : ICommand<Unit>, IWorkspaceRequest;

internal sealed class DeleteCustomDomainHandler(CustomDomainAccess access, IRepository<CustomDomain> domains, IAuditLog auditLog,
    IUnitOfWork unitOfWork) : IRequestHandler<DeleteCustomDomain, Unit>
{
    public async Task<Unit> Handle(DeleteCustomDomain request, CancellationToken cancellationToken)
    {
        var domain = await access.LoadAsync(request.WebsiteId, request.DomainId, cancellationToken);
        domains.Remove(domain);
        auditLog.Record(AuditActions.DomainRemoved, request.WorkspaceId, "domain", domain.Id.ToString(),
            new Dictionary<string, string> { ["hostname"] = domain.Hostname });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
