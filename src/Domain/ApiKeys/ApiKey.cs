using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Domain.ApiKeys;

/// <summary>
/// A credential for an automation client, acting in one workspace with a role (never Owner). Only a hash of the
/// secret is kept; <see cref="DisplayPrefix"/> lets people tell keys apart without revealing them. A revoked key
/// stays as a row so that audit entries naming it as the actor keep their meaning.
/// </summary>
public sealed class ApiKey : Entity, ITenantOwned
{
    public const int MaxNameLength = 100;

    private ApiKey()
    {
        Name = SecretHash = DisplayPrefix = string.Empty;
    }

    public Guid WorkspaceId { get; private set; }
    public string Name { get; private set; }
    public Role Role { get; private set; }
    public string SecretHash { get; private set; }
    public string DisplayPrefix { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public static ApiKey Create(Guid workspaceId, string name, Role role, string secretHash, string displayPrefix,
        Guid? createdByUserId, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (!IsAssignable(role))
            throw new ArgumentOutOfRangeException(nameof(role), role, "An API key has the Viewer, Member or Admin role.");
        if (expiresAt <= now)
            throw new ArgumentOutOfRangeException(nameof(expiresAt), expiresAt, "The expiry of an API key must be in the future.");
        return new ApiKey
        {
            WorkspaceId = workspaceId,
            Name = Guard.NotBlank(name, MaxNameLength, nameof(name)),
            Role = role,
            SecretHash = Guard.NotBlank(secretHash, int.MaxValue, nameof(secretHash)),
            DisplayPrefix = Guard.NotBlank(displayPrefix, int.MaxValue, nameof(displayPrefix)),
            CreatedByUserId = createdByUserId,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
    }

    /// <summary>Owner powers (billing, deletion, ownership) stay with people.</summary>
    public static bool IsAssignable(Role role) => role is Role.Viewer or Role.Member or Role.Admin;

    public ApiKeyStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? ApiKeyStatus.Revoked
        : ExpiresAt is { } expiry && now >= expiry ? ApiKeyStatus.Expired
        : ApiKeyStatus.Active;

    /// <summary>Revokes the key; false when it already was, so that a repeated DELETE changes and records nothing.</summary>
    public bool Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
            return false;
        RevokedAt = now;
        return true;
    }
}
