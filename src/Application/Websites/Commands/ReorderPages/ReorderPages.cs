using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.ReorderPages;

/// <summary>Puts the pages in the given order; every page of the website must be listed once.</summary>
[RequiresPermission(Permission.ContentWrite)]
public sealed record ReorderPages(Guid WorkspaceId, Guid WebsiteId, IReadOnlyList<Guid> PageIds) : ICommand<WebsiteDto>, IWorkspaceRequest;

internal sealed class ReorderPagesHandler(WebsiteEditing editing, IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<ReorderPages, WebsiteDto>
{
    public async Task<WebsiteDto> Handle(ReorderPages request, CancellationToken cancellationToken)
    {
        var website = await editing.LoadAsync(request.WebsiteId, cancellationToken);
        website.ReorderPages(request.PageIds, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return WebsiteDto.From(website);
    }
}
