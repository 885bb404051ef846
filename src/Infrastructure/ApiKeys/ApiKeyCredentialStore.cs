using IaGenify.Application.ApiKeys.Ports;
using IaGenify.Domain.ApiKeys;
using IaGenify.Domain.Billing;
using IaGenify.Domain.Identity;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IaGenify.Infrastructure.ApiKeys;

/// <summary>
/// Key lookups by secret hash across workspaces (the key is what tells which workspace the request acts in), with the
/// workspace's billing state and its creator's suspension in the same round trip, as a compiled query because every request made with a key runs it.
/// </summary>
internal sealed class ApiKeyCredentialStore(AppDbContext db) : IApiKeyCredentialStore
{
    private static readonly string[] TenantFilterOnly = [AppDbContext.TenantFilter];

    private static readonly Func<AppDbContext, string, CancellationToken, Task<ApiKeyCredential?>> BySecretHash =
        EF.CompileAsyncQuery((AppDbContext context, string secretHash, CancellationToken _) =>
            context.Set<ApiKey>()
                .IgnoreQueryFilters(TenantFilterOnly)
                .Where(k => k.SecretHash == secretHash)
                .Select(k => new ApiKeyCredential(k.Id, k.WorkspaceId, k.Role, k.ExpiresAt, k.RevokedAt, k.LastUsedAt,
                    context.Set<BillingAccount>().IgnoreQueryFilters(TenantFilterOnly)
                        .Where(b => b.WorkspaceId == k.WorkspaceId)
                        .Select(b => new ApiKeyBilling(b.PlanCode, b.StripeSubscriptionId != null, b.Status))
                        .FirstOrDefault(),
                    context.Set<User>().Any(u => u.Id == k.CreatedByUserId && u.SuspendedAt != null)))
                .FirstOrDefault());

    public Task<ApiKeyCredential?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken) =>
        BySecretHash(db, secretHash, cancellationToken);

    public Task RecordUseAsync(Guid apiKeyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Set<ApiKey>()
            .IgnoreQueryFilters(TenantFilterOnly)
            .Where(k => k.Id == apiKeyId)
            .ExecuteUpdateAsync(update => update.SetProperty(k => k.LastUsedAt, now), cancellationToken);
}
