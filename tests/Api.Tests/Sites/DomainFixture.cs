using IaGenify.Api.Tests.Support;

namespace IaGenify.Api.Tests.Sites;

/// <summary>An API host whose domain verification asks a real DNS server (dnsmasq) that the tests control.</summary>
public sealed class DomainFixture : IAsyncLifetime
{
    private ApiFactory? _factory;

    public DnsTestServer Dns { get; private set; } = null!;

    public async Task InitializeAsync() => Dns = await DnsTestServer.StartAsync();

    public ApiFactory FactoryFor(ApiFixture api) => _factory ??= new ApiFactory(api.ConnectionString,
        settings: new Dictionary<string, string?>(ApiFixture.StripeSettings(api.Stripe.BaseUrl))
        {
            ["Domains:NameServers:0"] = Dns.Endpoint,
            ["Domains:QueryTimeoutSeconds"] = "2",
        });

    public async Task DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
        await Dns.DisposeAsync();
    }
}
