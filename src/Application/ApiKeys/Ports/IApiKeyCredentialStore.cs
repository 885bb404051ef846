using IaGenify.Domain.Billing;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.ApiKeys.Ports;

/// <summary>The workspace's billing state as stored; absent when the workspace never had a billing account (free).</summary>
public sealed record ApiKeyBilling(string PlanCode, bool Subscribed, SubscriptionStatus Status);

/// <summary>
/// What authenticating a key needs to know about it, about its workspace's plan, and whether platform staff suspended
/// the account that created it.
/// </summary>
public sealed record ApiKeyCredential(Guid Id, Guid WorkspaceId, Role Role, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt, ApiKeyBilling? Billing, bool CreatorSuspended = false);

/// <summary>The hot path of API key authentication: one indexed lookup by secret hash, whatever the workspace.</summary>
public interface IApiKeyCredentialStore
{
    Task<ApiKeyCredential?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken);

    Task RecordUseAsync(Guid apiKeyId, DateTimeOffset now, CancellationToken cancellationToken);
}
