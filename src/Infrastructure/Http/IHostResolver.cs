using System.Net;

namespace IaGenify.Infrastructure.Http;

/// <summary>
/// Resolves a host name for <see cref="GuardedHttpHandler"/>. The handler classifies exactly the addresses this returns
/// and dials only those, so what is checked is what is connected to; tests substitute it to make a name resolve to a
/// forbidden address.
/// </summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The system resolver.</summary>
public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
