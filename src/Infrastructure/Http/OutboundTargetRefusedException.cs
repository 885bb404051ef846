using System.Net;

namespace IaGenify.Infrastructure.Http;

/// <summary>A connection was refused by the SSRF guard after DNS resolution; nothing was sent.</summary>
public sealed class OutboundTargetRefusedException(string host, AddressCategory category)
    : Exception($"The address of {host} is refused ({category}).")
{
    public AddressCategory Category { get; } = category;

    public static OutboundTargetRefusedException For(string host, IReadOnlyList<IPAddress> addresses) =>
        new(host, addresses.Count == 0 ? AddressCategory.Reserved : AddressClassifier.Classify(addresses[0]));
}
