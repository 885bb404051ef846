using IaGenify.Application.Audit;
using IaGenify.Application.Common.Persistence;
using Ardalis.Specification;
using IaGenify.Application.Exports.Ports;
using IaGenify.Domain.Audit;

namespace IaGenify.Application.Exports.Contributors;

/// <summary><c>audit-log.json</c>: the workspace's audit trail, oldest first.</summary>
internal sealed class AuditLogExportContributor(IRepository<AuditEntry> entries) : IExportContributor
{
    public string Name => "audit-log";

    public Task WriteAsync(Guid workspaceId, ExportWriter writer, CancellationToken cancellationToken) =>
        writer.WriteJsonArrayAsync("audit-log.json", KeysetPages.ReadAllAsync(
            (after, ct) => entries.ListAsync(new Spec(workspaceId, after), ct), e => e.Id, cancellationToken),
            cancellationToken);

    /// <summary>Audit entries are a global table, so the workspace is an explicit criterion.</summary>
    private sealed class Spec : Specification<AuditEntry, AuditEntryDto>
    {
        public Spec(Guid workspaceId, Guid? after)
        {
            Query.Where(e => e.WorkspaceId == workspaceId);
            if (after is { } key)
                Query.Where(e => e.Id.CompareTo(key) > 0);
            Query.OrderBy(e => e.Id);
            Query.Take(KeysetPages.PageSize);
            Query.Select(e => new AuditEntryDto(e.Id, e.Action, e.ActorType, e.ActorId, e.TargetType, e.TargetId, e.IpAddress,
                e.CreatedAt, e.Details));
        }
    }
}
