using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.ApiKeys;

namespace IaGenify.Application.ApiKeys.Specifications;

public sealed class ApiKeyByIdSpec : Specification<ApiKey>
{
    public ApiKeyByIdSpec(Guid workspaceId, Guid apiKeyId) => Query.Where(k => k.WorkspaceId == workspaceId && k.Id == apiKeyId);
}

/// <summary>The keys of a workspace, newest first, with their status at <c>now</c>.</summary>
public sealed class ApiKeysPageSpec : Specification<ApiKey, ApiKeyDto>
{
    public ApiKeysPageSpec(Guid workspaceId, Guid? before, int take, DateTimeOffset now)
    {
        Query.Where(k => k.WorkspaceId == workspaceId);
        if (before is { } cursor)
            Query.Where(k => k.Id.CompareTo(cursor) < 0);
        Query.OrderByDescending(k => k.Id);
        Query.Take(take);
        Query.Select(k => new ApiKeyDto(k.Id, k.Name, k.Role, k.DisplayPrefix,
            k.RevokedAt != null ? ApiKeyStatus.Revoked
            : k.ExpiresAt != null && k.ExpiresAt <= now ? ApiKeyStatus.Expired
            : ApiKeyStatus.Active,
            k.CreatedAt, k.CreatedByUserId, k.ExpiresAt, k.LastUsedAt, k.RevokedAt));
    }
}

/// <summary>Keys that still work, in a workspace the caller is not scoped to (support view).</summary>
public sealed class ActiveApiKeysOfWorkspaceSpec : Specification<ApiKey>
{
    public ActiveApiKeysOfWorkspaceSpec(Guid workspaceId, DateTimeOffset now)
    {
        Query.IgnoreTenantFilter();
        Query.Where(k => k.WorkspaceId == workspaceId && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now));
    }
}
