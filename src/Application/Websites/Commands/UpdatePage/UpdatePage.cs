using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.UpdatePage;

/// <summary>Changes a page's path, title or SEO description; null keeps a value, an empty description removes it.</summary>
[RequiresPermission(Permission.ContentWrite)]
public sealed record UpdatePage(Guid WorkspaceId, Guid WebsiteId, Guid PageId, string? Path, string? Title, string? Description)
    : ICommand<PageDto>, IWorkspaceRequest;

internal sealed class UpdatePageHandler(WebsiteEditing editing, IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<UpdatePage, PageDto>
{
    public async Task<PageDto> Handle(UpdatePage request, CancellationToken cancellationToken)
    {
        var website = await editing.LoadAsync(request.WebsiteId, cancellationToken);
        var page = website.Page(request.PageId);
        website.UpdatePage(page.Id, request.Path ?? page.Path, request.Title ?? page.Title, request.Description ?? page.Description,
            clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return PageDto.From(website.Page(request.PageId));
    }
}
