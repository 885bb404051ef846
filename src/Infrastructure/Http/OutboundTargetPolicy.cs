using System.Net;

namespace IaGenify.Infrastructure.Http;

/// <summary>
/// Which URLs and addresses the platform may call on a customer's behalf (SSRF guard). Link-local, cloud-metadata,
/// unspecified, multicast and reserved addresses are always refused; loopback and private networks, and plain http,
/// only when <paramref name="allowPrivateTargets"/> is set (development and tests).
/// </summary>
public sealed class OutboundTargetPolicy(bool allowPrivateTargets)
{
    /// <summary>Host names of metadata services, refused whatever they resolve to.</summary>
    private static readonly HashSet<string> MetadataHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal",
        "metadata.azure.internal", "metadata.tencentyun.com", "metadata.platformequinix.com",
    };

    public bool IsAllowed(IPAddress address) => AddressClassifier.Classify(address) switch
    {
        AddressCategory.Public => true,
        AddressCategory.Loopback or AddressCategory.Private => allowPrivateTargets,
        _ => false,
    };

    /// <summary>
    /// Checks what can be known without DNS: scheme, credentials, literal addresses and metadata host names. A host
    /// name is checked again, after resolution, on every connection (<see cref="GuardedHttpHandler"/>).
    /// </summary>
    public string? Refusal(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "url must be an absolute https URL.";
        if (uri.Scheme != Uri.UriSchemeHttps && !allowPrivateTargets)
            return "url must use https.";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return "url must not contain a user name or password.";
        var host = uri.DnsSafeHost.TrimEnd('.');
        if (MetadataHosts.Contains(host))
            return "url points to a cloud metadata service, which webhooks may not call.";
        return IPAddress.TryParse(host, out var address) && !IsAllowed(address) ? RefusalFor(address) : null;
    }

    private static string RefusalFor(IPAddress address) => AddressClassifier.Classify(address) switch
    {
        AddressCategory.CloudMetadata => "url points to a cloud metadata service, which webhooks may not call.",
        AddressCategory.LinkLocal => "url points to a link-local address, which webhooks may not call.",
        AddressCategory.Loopback => "url points to this machine (loopback), which webhooks may not call.",
        AddressCategory.Private => "url points to a private network address, which webhooks may not call.",
        _ => "url points to an address that cannot receive webhooks.",
    };
}
