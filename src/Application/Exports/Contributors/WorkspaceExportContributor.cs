using IaGenify.Application.Common.Persistence;
using Ardalis.Specification;
using IaGenify.Application.Exports.Ports;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Exports.Contributors;

/// <summary><c>workspace.json</c>: the workspace itself.</summary>
internal sealed class WorkspaceExportContributor(IRepository<Workspace> workspaces) : IExportContributor
{
    public sealed record Item(Guid Id, string Name, DateTimeOffset CreatedAt);

    public string Name => "workspace";

    public async Task WriteAsync(Guid workspaceId, ExportWriter writer, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.FirstOrNotFoundAsync(new Spec(workspaceId), "Workspace", cancellationToken);
        await writer.WriteJsonAsync("workspace.json", workspace, cancellationToken);
    }

    private sealed class Spec : Specification<Workspace, Item>
    {
        public Spec(Guid workspaceId)
        {
            Query.Where(w => w.Id == workspaceId);
            Query.Select(w => new Item(w.Id, w.Name, w.CreatedAt));
        }
    }
}
