namespace IaGenify.Application.Webhooks.Ports;

/// <summary>
/// Decides whether a URL may be registered as a webhook target (scheme, literal addresses, cloud-metadata names).
/// Host names are resolved and checked again at every delivery, where the address actually dialled is known.
/// </summary>
public interface IWebhookTargetPolicy
{
    /// <summary>Why the URL is refused, in words for the client; null when it is acceptable.</summary>
    string? Refusal(string url);
}
