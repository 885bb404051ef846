using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Events;
using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Events;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;
using MediatR;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Websites.Commands.PublishWebsite;

/// <summary>
/// Snapshots the website as a new live revision: the public site shows it from now on, and edits made afterwards
/// stay in the draft until the next publish.
/// </summary>
[RequiresVerifiedEmail]
[RequiresPermission(Permission.WebsitesPublish)]
[AiTool("websites_publish", "Publish the website's current draft as its live version.")]
public sealed record PublishWebsite(Guid WorkspaceId, Guid WebsiteId) : ICommand<PublishedWebsiteDto>, IWorkspaceRequest;

internal sealed class PublishWebsiteHandler(
    WebsiteEditing editing,
    IRepository<WebsiteRevision> revisions,
    RequestContext context,
    IAuditLog auditLog,
    IEventPublisher events,
    IUnitOfWork unitOfWork,
    IOptionsMonitor<PlatformOptions> platform,
    TimeProvider clock) : IRequestHandler<PublishWebsite, PublishedWebsiteDto>
{
    public async Task<PublishedWebsiteDto> Handle(PublishWebsite request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var website = await editing.LoadAsync(request.WebsiteId, cancellationToken);
        var live = await revisions.FirstOrDefaultAsync(new LiveRevisionSpec(website.WorkspaceId, website.Id, tracking: true), cancellationToken);
        var revision = website.Publish(SiteModel.From(website).Serialize(), live, context.Principal.ActorId, now);
        revisions.Add(revision);
        var url = $"{platform.CurrentValue.PublicUrl.TrimEnd('/')}/sites/{website.Slug}/";
        events.Publish(website.WorkspaceId, EventTypes.WebsitePublished, new WebsitePublishedData(website.Id, website.Slug, revision.Number, url));
        auditLog.Record(AuditActions.WebsitePublished, website.WorkspaceId, "website", website.Id.ToString(),
            new Dictionary<string, string> { ["revision"] = revision.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new PublishedWebsiteDto(website.Id, revision.Number, now, url);
    }
}
