using System.Net;
using System.Net.Sockets;
using IaGenify.Infrastructure.Http;
using IaGenify.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Tests.Webhooks;

/// <summary>
/// The SSRF guard classifies the addresses a name resolves to at connection time and dials only allowed ones, so a
/// webhook host that resolves (or is rebound) to the cloud metadata service is never connected to.
/// </summary>
public sealed class ResolvedAddressGuardTests : IAsyncLifetime
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private int _accepted;

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Task InitializeAsync()
    {
        _listener.Start();
        _ = AcceptAsync();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _listener.Stop();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("169.254.169.254", "cloud metadata")]
    [InlineData("169.254.10.20", "link-local")]
    [InlineData("fe80::1", "link-local")]
    public async Task A_delivery_to_a_name_resolving_to_a_forbidden_address_fails_as_refused_without_connecting(string resolved, string category)
    {
        using var sender = Sender(new FixedResolver(IPAddress.Parse(resolved)));

        var result = await sender.SendAsync($"http://hooks.customer.test:{Port}/hook", "msg_1", "whsec_" + Convert.ToBase64String(new byte[32]), "{}"u8.ToArray(),
            DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable);
        Assert.Contains(category, result.Summary);
        Assert.Equal(0, Volatile.Read(ref _accepted));
    }

    [Fact]
    public async Task Of_several_resolved_addresses_only_an_allowed_one_is_dialled()
    {
        using var handler = GuardedHttpHandler.Create(new OutboundTargetPolicy(allowPrivateTargets: true), TimeSpan.FromSeconds(2),
            new FixedResolver(IPAddress.Parse("169.254.169.254"), IPAddress.Loopback));
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(3) };

        // The listener accepts but never answers: reaching it is what is checked.
        await Assert.ThrowsAnyAsync<Exception>(() => client.GetAsync($"http://hooks.customer.test:{Port}/"));

        Assert.Equal(1, Volatile.Read(ref _accepted));
    }

    private static WebhookSender Sender(IHostResolver resolver) => new(
        Options.Create(new WebhookOptions { ConnectTimeout = TimeSpan.FromSeconds(2), RequestTimeout = TimeSpan.FromSeconds(3) }),
        new OutboundTargetPolicy(allowPrivateTargets: true), resolver);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                _ = await _listener.AcceptSocketAsync();
                Interlocked.Increment(ref _accepted);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The listener stopped with the test.
        }
    }

    private sealed class FixedResolver(params IPAddress[] addresses) : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Task.FromResult(addresses);
    }
}
