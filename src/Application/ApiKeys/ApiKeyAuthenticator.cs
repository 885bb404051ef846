using IaGenify.Application.ApiKeys.Ports;
using IaGenify.Application.Billing;
using IaGenify.Application.Common.Observability;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Billing;
using Microsoft.Extensions.Logging;

namespace IaGenify.Application.ApiKeys;

/// <summary>
/// Turns a presented API key into the principal it stands for, or refuses it (malformed, unknown, revoked,
/// expired, created by an account that platform staff suspended). The host calls it for <c>Authorization: Bearer iag_…</c> and <c>X-Api-Key</c>.
/// </summary>
public sealed class ApiKeyAuthenticator(
    IApiKeyCredentialStore store,
    PlanCatalog plans,
    IaGenifyMetrics metrics,
    TimeProvider clock,
    ILogger<ApiKeyAuthenticator> logger)
{
    /// <summary>"Last used" is kept to the minute, so that a busy key costs one write a minute, not one per request.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public async Task<Principal?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.IsWellFormed(presented))
            return Refused("malformed", null);
        var credential = await store.FindBySecretHashAsync(ApiKeySecret.Hash(presented), cancellationToken);
        if (credential is null)
            return Refused("unknown", null);
        var now = clock.GetUtcNow();
        if (credential.RevokedAt is not null)
            return Refused("revoked", credential.Id);
        if (credential.ExpiresAt <= now)
            return Refused("expired", credential.Id);
        // A suspension must not be sidestepped through the automation the account set up.
        if (credential.CreatorSuspended)
            return Refused("creator_suspended", credential.Id);

        if (credential.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUseResolution)
            await store.RecordUseAsync(credential.Id, now, cancellationToken);
        metrics.ApiKeyAuthenticated("succeeded");
        return Principal.ForApiKey(credential.Id, credential.WorkspaceId, credential.Role, AllowanceOf(credential.Billing));
    }

    private ApiKeyAllowance AllowanceOf(ApiKeyBilling? billing)
    {
        var free = plans.Free;
        var plan = billing is null
            ? free
            : plans.PlanOrFree(BillingAccount.EntitledPlanCode(billing.PlanCode, billing.Subscribed, billing.Status, free.Code));
        return new ApiKeyAllowance(plan.Code, plan.Name, plan.Entitlements.ApiAccess, plan.Entitlements.ApiRequestsPerMinute);
    }

    private Principal? Refused(string reason, Guid? apiKeyId)
    {
        metrics.ApiKeyAuthenticated(reason);
        logger.LogInformation("API key refused ({Reason}) {ApiKeyId}", reason, apiKeyId);
        return null;
    }
}
