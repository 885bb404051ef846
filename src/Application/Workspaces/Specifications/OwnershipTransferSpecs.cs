using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Workspaces.Specifications;

/// <summary>The offers of a workspace still open, to cancel them when a newer one is made.</summary>
public sealed class OpenOwnershipTransfersSpec : Specification<OwnershipTransfer>
{
    public OpenOwnershipTransfersSpec(Guid workspaceId, DateTimeOffset now) =>
        Query.Where(t => t.WorkspaceId == workspaceId && t.AcceptedAt == null && t.CancelledAt == null && t.ExpiresAt > now);
}

/// <summary>An offer found by the hash of its emailed token, whatever its workspace (the accepting user is not yet its owner).</summary>
public sealed class OwnershipTransferByTokenSpec : Specification<OwnershipTransfer>
{
    public OwnershipTransferByTokenSpec(string tokenHash)
    {
        Query.IgnoreTenantFilter();
        Query.Where(t => t.TokenHash == tokenHash);
    }
}
