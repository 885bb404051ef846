namespace IaGenify.Infrastructure.Http;

/// <summary>What an IP address reaches, as far as outbound requests to customer-chosen URLs are concerned.</summary>
public enum AddressCategory
{
    Public,
    Loopback,

    /// <summary>RFC 1918, carrier-grade NAT (100.64/10), benchmarking (198.18/15), IPv6 unique-local and site-local.</summary>
    Private,
    LinkLocal,

    /// <summary>Instance metadata services of cloud providers: credentials live there.</summary>
    CloudMetadata,

    /// <summary>0.0.0.0/8 and ::, which many stacks treat as "this host".</summary>
    Unspecified,
    Multicast,

    /// <summary>Broadcast, reserved, documentation and protocol-assignment ranges: never a real receiver.</summary>
    Reserved,
}
