using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace IaGenify.Api.Tests.Support;

/// <summary>
/// The test server has no TCP peer; this sets the connection's remote address from <c>X-Test-Peer</c> before the
/// application's pipeline runs, as if the request came from that machine.
/// </summary>
public sealed class PeerAddressFilter : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var peer))
                http.Connection.RemoteIpAddress = peer;
            return nextMiddleware(http);
        });
        next(app);
    };
}
