using System.Runtime.CompilerServices;
using IaGenify.Application.Common.Persistence;
using Ardalis.Specification;
using IaGenify.Application.Exports.Ports;
using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations.Export;

/// <summary><c>generations.json</c>: every AI job with its prompt, status, price and output, oldest first, in pages.</summary>
internal sealed class GenerationsExportContributor(IRepository<Generation> generations) : IExportContributor
{
    private const int PageSize = 200;

    public string Name => "generations";

    public Task WriteAsync(Guid workspaceId, ExportWriter writer, CancellationToken cancellationToken) =>
        writer.WriteJsonArrayAsync("generations.json", All(workspaceId, cancellationToken), cancellationToken);

    private async IAsyncEnumerable<GenerationDto> All(Guid workspaceId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? after = null;
        while (true)
        {
            var page = await generations.ListAsync(new Page(workspaceId, after), cancellationToken);
            foreach (var generation in page)
                yield return GenerationDto.From(generation);
            if (page.Count < PageSize)
                yield break;
            after = page[^1].Id;
        }
    }

    private sealed class Page : Specification<Generation>
    {
        public Page(Guid workspaceId, Guid? after)
        {
            Query.Where(g => g.WorkspaceId == workspaceId);
            if (after is { } cursor)
                Query.Where(g => g.Id.CompareTo(cursor) > 0);
            Query.OrderBy(g => g.Id);
            Query.Take(PageSize);
            Query.AsNoTracking();
        }
    }
}
