using IaGenify.Application.Identity.Ports;
using IaGenify.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Security;

/// <summary>
/// Seals TOTP secrets with the platform's secret-at-rest key (<c>Webhooks:SecretKey</c>, the one key mechanism for
/// readable secrets) under a label of its own, so that a TOTP ciphertext never opens as a webhook secret or back.
/// </summary>
internal sealed class MfaSecretProtector(IOptions<WebhookOptions> options) : IMfaSecretProtector
{
    private static readonly byte[] AssociatedData = "iagenify.totp-secret"u8.ToArray();

    private readonly byte[] _key = options.Value.SecretKeyBytes();

    public string Protect(string secret) => SealedSecret.Seal(_key, AssociatedData, secret);

    public string Unprotect(string protectedSecret) => SealedSecret.Open(_key, AssociatedData, protectedSecret);
}
