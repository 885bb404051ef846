using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.DeleteSection;

[RequiresPermission(Permission.ContentWrite)]
public sealed record DeleteSection(Guid WorkspaceId, Guid WebsiteId, Guid SectionId) : ICommand<Unit>, IWorkspaceRequest;

internal sealed class DeleteSectionHandler(WebsiteEditing editing, IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<DeleteSection, Unit>
{
    public async Task<Unit> Handle(DeleteSection request, CancellationToken cancellationToken)
    {
        var website = await editing.LoadAsync(request.WebsiteId, cancellationToken);
        website.RemoveSection(request.SectionId, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
