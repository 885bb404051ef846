using IaGenify.Application.Webhooks.Ports;
using IaGenify.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Webhooks;

/// <summary>
/// Seals endpoint secrets with the key <c>Webhooks:SecretKey</c> (<see cref="SealedSecret"/>). A fixed label keeps
/// ciphertexts of this purpose from being accepted anywhere else the key is used.
/// </summary>
internal sealed class WebhookSecretProtector(IOptions<WebhookOptions> options) : IWebhookSecretProtector
{
    private static readonly byte[] AssociatedData = "iagenify.webhook-endpoint-secret"u8.ToArray();

    private readonly byte[] _key = options.Value.SecretKeyBytes();

    public string Protect(string secret) => SealedSecret.Seal(_key, AssociatedData, secret);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The value was not made with this key (or was altered).</exception>
    public string Unprotect(string protectedSecret) => SealedSecret.Open(_key, AssociatedData, protectedSecret);
}
