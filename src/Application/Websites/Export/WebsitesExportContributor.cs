using IaGenify.Application.Common.Persistence;
using Ardalis.Specification;
using IaGenify.Application.Exports.Ports;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites.Export;

/// <summary><c>websites.json</c>: every website with its theme, pages and sections, as the editor shows them.</summary>
internal sealed class WebsitesExportContributor(IRepository<Website> websites) : IExportContributor
{
    public string Name => "websites";

    public async Task WriteAsync(Guid workspaceId, ExportWriter writer, CancellationToken cancellationToken)
    {
        var all = await websites.ListAsync(new AllWithContent(workspaceId), cancellationToken);
        await writer.WriteJsonAsync("websites.json", all.Select(WebsiteDto.From).ToList(), cancellationToken);
    }

    private sealed class AllWithContent : Specification<Website>
    {
        public AllWithContent(Guid workspaceId)
        {
            Query.Where(w => w.WorkspaceId == workspaceId);
            Query.Include(w => w.Pages).ThenInclude(p => p.Sections);
            Query.AsSplitQuery();
            Query.OrderBy(w => w.Id);
            Query.AsNoTracking();
        }
    }
}
