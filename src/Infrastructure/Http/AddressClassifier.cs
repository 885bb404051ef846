using System.Net;
using System.Net.Sockets;

namespace IaGenify.Infrastructure.Http;

/// <summary>Classifies IP addresses for the outbound-request guard (<see cref="OutboundTargetPolicy"/>).</summary>
public static class AddressClassifier
{
    private static readonly IPAddress[] MetadataAddresses =
    [
        IPAddress.Parse("169.254.169.254"), // AWS, Azure, GCP, Oracle, DigitalOcean, OpenStack
        IPAddress.Parse("169.254.170.2"),   // AWS ECS task metadata
        IPAddress.Parse("100.100.100.200"), // Alibaba Cloud
        IPAddress.Parse("fd00:ec2::254"),   // AWS over IPv6
    ];

    private static readonly (IPAddress Network, int Prefix, AddressCategory Category)[] V4Ranges =
    [
        (IPAddress.Parse("0.0.0.0"), 8, AddressCategory.Unspecified),
        (IPAddress.Parse("127.0.0.0"), 8, AddressCategory.Loopback),
        (IPAddress.Parse("10.0.0.0"), 8, AddressCategory.Private),
        (IPAddress.Parse("172.16.0.0"), 12, AddressCategory.Private),
        (IPAddress.Parse("192.168.0.0"), 16, AddressCategory.Private),
        (IPAddress.Parse("100.64.0.0"), 10, AddressCategory.Private),
        (IPAddress.Parse("198.18.0.0"), 15, AddressCategory.Private),
        (IPAddress.Parse("169.254.0.0"), 16, AddressCategory.LinkLocal),
        (IPAddress.Parse("224.0.0.0"), 4, AddressCategory.Multicast),
        (IPAddress.Parse("240.0.0.0"), 4, AddressCategory.Reserved),
        (IPAddress.Parse("192.0.0.0"), 24, AddressCategory.Reserved),
        (IPAddress.Parse("192.0.2.0"), 24, AddressCategory.Reserved),
        (IPAddress.Parse("198.51.100.0"), 24, AddressCategory.Reserved),
        (IPAddress.Parse("203.0.113.0"), 24, AddressCategory.Reserved),
    ];

    private static readonly (IPAddress Network, int Prefix, AddressCategory Category)[] V6Ranges =
    [
        (IPAddress.Parse("fe80::"), 10, AddressCategory.LinkLocal),
        (IPAddress.Parse("fec0::"), 10, AddressCategory.Private),
        (IPAddress.Parse("fc00::"), 7, AddressCategory.Private),
        (IPAddress.Parse("ff00::"), 8, AddressCategory.Multicast),
        (IPAddress.Parse("2001:db8::"), 32, AddressCategory.Reserved),
    ];

    /// <summary>IPv4 embedded in IPv6 by NAT64 (RFC 6052): the gateway would forward to the IPv4 address.</summary>
    private static readonly IPAddress Nat64Prefix = IPAddress.Parse("64:ff9b::");

    public static AddressCategory Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        else if (address.AddressFamily == AddressFamily.InterNetworkV6 && InRange(address, Nat64Prefix, 96))
            address = new IPAddress(address.GetAddressBytes()[12..]);

        if (MetadataAddresses.Any(address.Equals))
            return AddressCategory.CloudMetadata;
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return Match(address, V4Ranges);
        if (address.Equals(IPAddress.IPv6Any))
            return AddressCategory.Unspecified;
        if (address.Equals(IPAddress.IPv6Loopback))
            return AddressCategory.Loopback;
        return Match(address, V6Ranges);
    }

    private static AddressCategory Match(IPAddress address,
        (IPAddress Network, int Prefix, AddressCategory Category)[] ranges)
    {
        foreach (var (network, prefix, category) in ranges)
            if (InRange(address, network, prefix))
                return category;
        return AddressCategory.Public;
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefixLength) =>
        address.AddressFamily == network.AddressFamily && new IPNetwork(network, prefixLength).Contains(address);
}
