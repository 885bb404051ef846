using System.Text.Json;
using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Websites.Commands.AddSection;

/// <summary>Adds a section to a page at <see cref="Position"/> (the end when null), with placeholder props when none are given.</summary>
/// <param name="Type">The section type: hero, features, about, testimonials, pricing, faq, gallery, contact, cta or footer.</param>
/// <param name="Props">The section's content; omit for placeholder content.</param>
/// <param name="Position">Zero-based position on the page; omit to add at the end.</param>
[RequiresPermission(Permission.ContentWrite)]
[AiTool("sections_add", "Add a section of a given type (hero, features, pricing, …) to a page.")]
public sealed record AddSection(Guid WorkspaceId, Guid WebsiteId, Guid PageId, string Type, JsonElement? Props, int? Position)
    : ICommand<SectionDto>, IWorkspaceRequest;

internal sealed class AddSectionHandler(WebsiteEditing editing, IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<AddSection, SectionDto>
{
    public async Task<SectionDto> Handle(AddSection request, CancellationToken cancellationToken)
    {
        SectionCatalog.TryParse(request.Type, out var type);
        var website = await editing.LoadAsync(request.WebsiteId, cancellationToken);
        website.Page(request.PageId);
        var props = await editing.PropsAsync(type, request.Props ?? SectionDefaults.For(type), cancellationToken);
        var section = website.AddSection(request.PageId, props, request.Position, clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return SectionDto.From(section);
    }
}
