using IaGenify.Application.Common.Persistence;
using Ardalis.Specification;
using IaGenify.Application.Exports.Ports;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Exports.Contributors;

/// <summary><c>invitations.json</c>: every invitation with its state at export time; never the token hash.</summary>
internal sealed class InvitationsExportContributor(IRepository<Invitation> invitations, TimeProvider clock) : IExportContributor
{
    public sealed record Item(Guid Id, string Email, Role Role, InvitationStatus Status, Guid? InvitedByUserId, Guid? InvitedByApiKeyId,
        DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt, Guid? AcceptedByUserId,
        DateTimeOffset? RevokedAt);

    public string Name => "invitations";

    public Task WriteAsync(Guid workspaceId, ExportWriter writer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return writer.WriteJsonArrayAsync("invitations.json", ReadAsync(workspaceId, now, cancellationToken), cancellationToken);
    }

    private async IAsyncEnumerable<Item> ReadAsync(Guid workspaceId, DateTimeOffset now,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = KeysetPages.ReadAllAsync((after, ct) => invitations.ListAsync(new Spec(workspaceId, after), ct),
            i => i.Id, cancellationToken);
        await foreach (var i in rows)
            yield return new Item(i.Id, i.Email, i.Role, i.StatusAt(now), i.InvitedByUserId, i.InvitedByApiKeyId, i.CreatedAt, i.ExpiresAt,
                i.AcceptedAt, i.AcceptedByUserId, i.RevokedAt);
    }

    private sealed class Spec : Specification<Invitation>
    {
        public Spec(Guid workspaceId, Guid? after)
        {
            Query.Where(i => i.WorkspaceId == workspaceId);
            if (after is { } key)
                Query.Where(i => i.Id.CompareTo(key) > 0);
            Query.OrderBy(i => i.Id);
            Query.Take(KeysetPages.PageSize);
            Query.AsNoTracking();
        }
    }
}
