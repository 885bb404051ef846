using IaGenify.Application.ApiKeys.Ports;
using IaGenify.Domain.ApiKeys;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IaGenify.Infrastructure.ApiKeys;

/// <summary>
/// Key lookups by secret hash across workspaces (the key is what tells which workspace the request acts in), as a
/// compiled query because every request made with a key runs it.
/// </summary>
internal sealed class ApiKeyCredentialStore(AppDbContext db) : IApiKeyCredentialStore
{
    private static readonly string[] TenantFilterOnly = [AppDbContext.TenantFilter];

    private static readonly Func<AppDbContext, string, CancellationToken, Task<ApiKeyCredential?>> BySecretHash =
        EF.CompileAsyncQuery((AppDbContext context, string secretHash, CancellationToken _) =>
            context.Set<ApiKey>()
                .IgnoreQueryFilters(TenantFilterOnly)
                .Where(k => k.SecretHash == secretHash)
                .Select(k => new ApiKeyCredential(k.Id, k.WorkspaceId, k.Role, k.ExpiresAt, k.RevokedAt, k.LastUsedAt))
                .FirstOrDefault());

    public Task<ApiKeyCredential?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken) =>
        BySecretHash(db, secretHash, cancellationToken);

    public Task RecordUseAsync(Guid apiKeyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Set<ApiKey>()
            .IgnoreQueryFilters(TenantFilterOnly)
            .Where(k => k.Id == apiKeyId)
            .ExecuteUpdateAsync(update => update.SetProperty(k => k.LastUsedAt, now), cancellationToken);
}
