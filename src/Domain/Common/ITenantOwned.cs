namespace IaGenify.Domain.Common;

/// <summary>Marks an entity that belongs to exactly one workspace; persistence scopes it by <see cref="WorkspaceId"/>.</summary>
public interface ITenantOwned
{
    Guid WorkspaceId { get; }
}
