using System.Net;

namespace IaGenify.Api.Http;

/// <summary>The proxies and networks whose forwarded headers are believed.</summary>
internal sealed class TrustedHops(IReadOnlyList<IPAddress> proxies, IReadOnlyList<IPNetwork> networks)
{
    public bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return proxies.Any(p => p.Equals(address)) || networks.Any(n => n.Contains(address));
    }
}
