using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.ReorderSections;

/// <summary>Puts a page's sections in the given order; every section of the page must be listed once.</summary>
[RequiresPermission(Permission.ContentWrite)]
public sealed record ReorderSections(Guid WorkspaceId, Guid WebsiteId, Guid PageId, IReadOnlyList<Guid> SectionIds)
    : ICommand<PageDto>, IWorkspaceRequest;

internal sealed class ReorderSectionsHandler(WebsiteEditing editing, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<ReorderSections, PageDto>
{
    public async Task<PageDto> Handle(ReorderSections request, CancellationToken cancellationToken)
    {
        var website = await editing.LoadAsync(request.WebsiteId, cancellationToken);
        website.ReorderSections(request.PageId, request.SectionIds, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return PageDto.From(website.Page(request.PageId));
    }
}
