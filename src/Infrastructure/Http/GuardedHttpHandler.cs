using System.Net;
using System.Net.Sockets;

namespace IaGenify.Infrastructure.Http;

/// <summary>
/// An HTTP handler for calls to URLs a customer chose. The host is resolved in the connect callback and only
/// addresses the <see cref="OutboundTargetPolicy"/> allows are dialled, so a name that resolves (or is rebound) to an
/// internal address is refused at the moment of connection. No proxy (it would dial for us), no redirects, no cookies.
/// </summary>
public static class GuardedHttpHandler
{
    public static SocketsHttpHandler Create(OutboundTargetPolicy policy, TimeSpan connectTimeout, IHostResolver? resolver = null)
    {
        var hosts = resolver ?? new DnsHostResolver();
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = connectTimeout,
            // Connections are re-dialled (and the address re-checked) at least this often.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, policy, hosts, cancellationToken),
        };
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, OutboundTargetPolicy policy, IHostResolver resolver,
        CancellationToken cancellationToken)
    {
        var host = endpoint.Host.Trim('[', ']');
        IReadOnlyList<IPAddress> addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await resolver.ResolveAsync(host, cancellationToken);
        var allowed = addresses.Where(policy.IsAllowed).ToList();
        if (allowed.Count == 0)
            throw OutboundTargetRefusedException.For(host, addresses);

        for (var i = 0; ; i++)
        {
            var socket = new Socket(allowed[i].AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(allowed[i], endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException) when (i < allowed.Count - 1)
            {
                socket.Dispose();
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
