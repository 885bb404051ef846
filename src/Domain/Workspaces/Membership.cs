using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;

namespace IaGenify.Domain.Workspaces;

public sealed class Membership : Entity, ITenantOwned
{
    private Membership() { }

    internal Membership(Guid workspaceId, Guid userId, Role role, DateTimeOffset now)
    {
        WorkspaceId = workspaceId;
        UserId = userId;
        Role = role;
        JoinedAt = now;
    }

    public Guid WorkspaceId { get; private set; }
    public Guid UserId { get; private set; }
    public Role Role { get; internal set; }
    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>Navigation for read models (name and email of a member); never loaded to change a user.</summary>
    public User? User { get; private set; }
}
