using System.Security.Cryptography;

namespace IaGenify.Application.Webhooks;

/// <summary>Signing secrets in the Standard Webhooks format: <c>whsec_</c> + base64 of 32 random bytes.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public static string Create() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
