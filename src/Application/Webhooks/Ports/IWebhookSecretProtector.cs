namespace IaGenify.Application.Webhooks.Ports;

/// <summary>
/// Encrypts endpoint signing secrets at rest. Unlike passwords they cannot be hashed: the dispatcher needs the
/// secret itself to sign every delivery.
/// </summary>
public interface IWebhookSecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
