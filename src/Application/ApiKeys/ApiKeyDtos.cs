using IaGenify.Domain.ApiKeys;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.ApiKeys;

/// <summary>An API key as listed: never its secret, only the first characters to recognise it.</summary>
public sealed record ApiKeyDto(Guid Id, string Name, Role Role, string Prefix, ApiKeyStatus Status, DateTimeOffset CreatedAt,
    Guid? CreatedByUserId, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The answer to creating a key: the only time <see cref="Key"/> (the secret) is ever shown.</summary>
public sealed record CreatedApiKeyDto(Guid Id, string Name, Role Role, string Key, string Prefix, DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt);
