using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Specifications;
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
        var workspace = await workspaces.FirstOrDefaultAsync(new Spec(workspaceId), cancellationToken)
            ?? throw new NotFoundException("Workspace");
        await writer.WriteJsonAsync("workspace.json", workspace, cancellationToken);
    }

    private sealed class Spec : Specification<Workspace, Item>
    {
        public Spec(Guid workspaceId)
        {
            Where(w => w.Id == workspaceId);
            Select(w => new Item(w.Id, w.Name, w.CreatedAt));
        }
    }
}
