using IaGenify.Application.Common.Persistence;
using Ardalis.Specification;
using IaGenify.Application.Exports.Ports;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Exports.Contributors;

/// <summary><c>members.json</c>: who belongs to the workspace and with which role; never credentials.</summary>
internal sealed class MembersExportContributor(IRepository<Membership> memberships) : IExportContributor
{
    public sealed record Item(Guid UserId, string Email, string DisplayName, Role Role, DateTimeOffset JoinedAt);

    public string Name => "members";

    public Task WriteAsync(Guid workspaceId, ExportWriter writer, CancellationToken cancellationToken) =>
        writer.WriteJsonArrayAsync("members.json", KeysetPages.ReadAllAsync(
            (after, ct) => memberships.ListAsync(new Spec(workspaceId, after), ct), m => m.UserId, cancellationToken),
            cancellationToken);

    private sealed class Spec : Specification<Membership, Item>
    {
        public Spec(Guid workspaceId, Guid? after)
        {
            Query.Where(m => m.WorkspaceId == workspaceId);
            if (after is { } key)
                Query.Where(m => m.UserId.CompareTo(key) > 0);
            Query.OrderBy(m => m.UserId);
            Query.Take(KeysetPages.PageSize);
            Query.Select(m => new Item(m.UserId, m.User!.Email, m.User.DisplayName, m.Role, m.JoinedAt));
        }
    }
}
