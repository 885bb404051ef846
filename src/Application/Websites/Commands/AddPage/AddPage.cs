using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.AddPage;

/// <summary>Adds an empty page at the end of the website.</summary>
[RequiresPermission(Permission.ContentWrite)]
public sealed record AddPage(Guid WorkspaceId, Guid WebsiteId, string Path, string Title, string? Description) : ICommand<PageDto>, IWorkspaceRequest;

internal sealed class AddPageHandler(WebsiteEditing editing, IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<AddPage, PageDto>
{
    public async Task<PageDto> Handle(AddPage request, CancellationToken cancellationToken)
    {
        var website = await editing.LoadAsync(request.WebsiteId, cancellationToken);
        var page = website.AddPage(request.Path, request.Title, request.Description, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return PageDto.From(page);
    }
}
