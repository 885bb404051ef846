using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Websites.Specifications;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.UpdateWebsite;

/// <summary>
/// Renames a website, changes its address (slug), its theme or the origins allowed to frame the published site (an
/// empty list: the site itself only); fields left null keep their value.
/// </summary>
[RequiresPermission(Permission.ContentWrite)]
public sealed record UpdateWebsite(Guid WorkspaceId, Guid WebsiteId, string? Name, string? Slug, ThemeDto? Theme,
    IReadOnlyList<string?>? AllowedFrameAncestors = null) : ICommand<WebsiteDto>, IWorkspaceRequest;

internal sealed class UpdateWebsiteHandler(WebsiteEditing editing, IRepository<Website> websites, IAuditLog auditLog, IUnitOfWork unitOfWork,
    TimeProvider clock)
    : IRequestHandler<UpdateWebsite, WebsiteDto>
{
    public async Task<WebsiteDto> Handle(UpdateWebsite request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var website = await editing.LoadAsync(request.WebsiteId, cancellationToken);
        if (request.Name is { } name)
            website.Rename(name, now);
        if (request.Slug is { } slug && slug != website.Slug)
        {
            if (await websites.AnyAsync(new SlugTakenSpec(slug, website.Id), cancellationToken))
                throw new ConflictException("website.slug_taken", "This address is already taken by another website.");
            website.ChangeSlug(slug, now);
        }
        if (request.Theme is { } theme)
            website.ChangeTheme(theme.ToTheme(), now);
        if (request.AllowedFrameAncestors is { } origins && website.AllowFrameAncestors(origins, now))
            auditLog.Record(AuditActions.WebsiteFramingChanged, website.WorkspaceId, "website", website.Id.ToString(),
                new Dictionary<string, string> { ["allowedFrameAncestors"] = string.Join(' ', website.AllowedFrameAncestors) });
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return WebsiteDto.From(website);
    }
}
