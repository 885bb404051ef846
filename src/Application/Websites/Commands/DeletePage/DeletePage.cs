using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.DeletePage;

[RequiresPermission(Permission.ContentWrite)]
public sealed record DeletePage(Guid WorkspaceId, Guid WebsiteId, Guid PageId) : ICommand<Unit>, IWorkspaceRequest;

internal sealed class DeletePageHandler(WebsiteEditing editing, IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<DeletePage, Unit>
{
    public async Task<Unit> Handle(DeletePage request, CancellationToken cancellationToken)
    {
        var website = await editing.LoadAsync(request.WebsiteId, cancellationToken);
        website.RemovePage(request.PageId, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
