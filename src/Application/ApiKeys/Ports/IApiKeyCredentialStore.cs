using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.ApiKeys.Ports;

/// <summary>What authenticating a key needs to know about it.</summary>
public sealed record ApiKeyCredential(Guid Id, Guid WorkspaceId, Role Role, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt);

/// <summary>The hot path of API key authentication: one indexed lookup by secret hash, whatever the workspace.</summary>
public interface IApiKeyCredentialStore
{
    Task<ApiKeyCredential?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken);

    Task RecordUseAsync(Guid apiKeyId, DateTimeOffset now, CancellationToken cancellationToken);
}
