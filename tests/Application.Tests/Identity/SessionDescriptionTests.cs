using IaGenify.Application.Identity.Sessions;

namespace IaGenify.Application.Tests.Identity;

public sealed class SessionDescriptionTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox on Linux")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari on macOS")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1", "Chrome on iOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0 Mobile Safari/537.36", "Samsung Internet on Android")]
    [InlineData("curl/8.5.0", "curl")]
    [InlineData("", "Unknown client")]
    [InlineData(null, "Unknown client")]
    [InlineData("SomethingElse/1.0", "Unknown client")]
    public void A_user_agent_becomes_a_browser_family_and_an_operating_system(string? userAgent, string expected) =>
        Assert.Equal(expected, ClientDescription.Describe(userAgent));

    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0/24")]
    [InlineData("::ffff:198.51.100.9", "198.51.100.0/24")]
    [InlineData("2001:db8:abcd:12:1:2:3:4", "2001:db8:abcd::/48")]
    [InlineData("::1", "::/48")]
    [InlineData(null, "unknown")]
    [InlineData("not an address", "unknown")]
    public void An_address_becomes_its_network(string? address, string expected) =>
        Assert.Equal(expected, NetworkPrefix.Of(address));
}
