using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.DeleteWebsite;

/// <summary>Deletes a website with its pages, sections and revisions; its public address stops answering at once.</summary>
[RequiresPermission(Permission.ContentWrite)]
[AiTool("websites_delete", "Delete a website with all its pages; its public address stops answering.", Destructive = true)]
public sealed record DeleteWebsite(Guid WorkspaceId, Guid WebsiteId) : ICommand<Unit>, IWorkspaceRequest;

internal sealed class DeleteWebsiteHandler(WebsiteEditing editing, IRepository<Website> websites, IAuditLog auditLog, IUnitOfWork unitOfWork)
    : IRequestHandler<DeleteWebsite, Unit>
{
    public async Task<Unit> Handle(DeleteWebsite request, CancellationToken cancellationToken)
    {
        var website = await editing.LoadAsync(request.WebsiteId, cancellationToken);
        websites.Remove(website);
        auditLog.Record(AuditActions.WebsiteDeleted, request.WorkspaceId, "website", website.Id.ToString(),
            new Dictionary<string, string> { ["slug"] = website.Slug });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
