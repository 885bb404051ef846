using System.Text.Json;
using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.UpdateSection;

/// <summary>Replaces a section's props, validated against its type (400 naming each field at fault).</summary>
/// <param name="Props">The section's complete new content, as returned by websites_get.</param>
[RequiresPermission(Permission.ContentWrite)]
[AiTool("sections_update", "Replace a section's props (validated against its type).")]
public sealed record UpdateSection(Guid WorkspaceId, Guid WebsiteId, Guid SectionId, JsonElement Props) : ICommand<SectionDto>, IWorkspaceRequest;

internal sealed class UpdateSectionHandler(WebsiteEditing editing, IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<UpdateSection, SectionDto>
{
    public async Task<SectionDto> Handle(UpdateSection request, CancellationToken cancellationToken)
    {
        var website = await editing.LoadAsync(request.WebsiteId, cancellationToken);
        var section = website.Section(request.SectionId);
        website.UpdateSection(section.Id, await editing.PropsAsync(section.Type, request.Props, cancellationToken), clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return SectionDto.From(section);
    }
}
