using System.Net;

namespace IaGenify.Api.Http;

/// <summary>
/// Behind a load balancer the connection's peer is the balancer. <c>Http:TrustedProxies</c> (addresses) and
/// <c>Http:TrustedNetworks</c> (CIDR ranges) name the hops whose <c>X-Forwarded-For</c> is believed: the client IP
/// (rate limits, audit entries, analytics) is the first address, walking back from the peer, that is not a trusted
/// hop. A caller that is not trusted cannot choose its IP by sending the header. With neither key set the header is
/// ignored (loopback is not trusted implicitly).
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddForwardedClientIp(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration, "Http:TrustedProxies").Select(Proxy).ToList();
        var networks = Values(configuration, "Http:TrustedNetworks").Select(Network).ToList();
        services.AddSingleton(new TrustedHops(proxies, networks));
        return services;
    }

    public static bool HasTrustedHops(IConfiguration configuration) =>
        Values(configuration, "Http:TrustedProxies").Any() || Values(configuration, "Http:TrustedNetworks").Any();

    /// <summary>An array (<c>Http__TrustedProxies__0</c>) or one comma-separated value (<c>Http__TrustedProxies</c>).</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = string.IsNullOrEmpty(section.Value) ? section.GetChildren().Select(c => c.Value ?? string.Empty) : [section.Value];
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static IPAddress Proxy(string value) => IPAddress.TryParse(value, out var address)
        ? address
        : throw new InvalidOperationException($"Http:TrustedProxies holds '{value}', which is not an IP address.");

    private static IPNetwork Network(string value) => IPNetwork.TryParse(value, out var network)
        ? network
        : throw new InvalidOperationException($"Http:TrustedNetworks holds '{value}', which is not a CIDR range (e.g. 10.0.0.0/8).");
}
