using IaGenify.Domain.Common;
using IaGenify.Domain.Websites;

namespace IaGenify.Domain.Tests.Websites;

public sealed class FrameAncestorsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("https://partner.example", "https://partner.example")]
    [InlineData("  HTTPS://Partner.EXAMPLE/  ", "https://partner.example")]
    [InlineData("https://partner.example:443", "https://partner.example")]
    [InlineData("https://partner.example:8443/", "https://partner.example:8443")]
    [InlineData("https://bücher.example", "https://xn--bcher-kva.example")]
    [InlineData("https://xn--bcher-kva.example", "https://xn--bcher-kva.example")]
    [InlineData("https://203.0.113.7", "https://203.0.113.7")]
    [InlineData("http://localhost:3000", "http://localhost:3000")]
    [InlineData("http://LOCALHOST", "http://localhost")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
    [InlineData("http://[::1]:5173", "http://[::1]:5173")]
    [InlineData("https://[2001:DB8::1]", "https://[2001:db8::1]")]
    public void An_origin_is_kept_in_canonical_form(string input, string expected)
    {
        Assert.True(FrameAncestors.TryNormalizeOrigin(input, out var origin, out var problem), problem);
        Assert.Equal(expected, origin);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("https://partner.example/embed", "path")]
    [InlineData("https://partner.example//", "path")]
    [InlineData("https://partner.example?x=1", "query")]
    [InlineData("https://partner.example/#top", "fragment")]
    [InlineData("https://user:pw@partner.example", "user")]
    [InlineData("https://*.partner.example", "wildcard")]
    [InlineData("*", "wildcard")]
    [InlineData("http://partner.example", "https")]
    [InlineData("http://127.0.0.2", "https")]
    [InlineData("ftp://partner.example", "https://")]
    [InlineData("partner.example", "https://")]
    [InlineData("'self'", "scheme")]
    [InlineData("javascript:alert(1)", "https://")]
    [InlineData("https://partner.example; script-src https:", "scheme")]
    [InlineData("https://partner.example,https://b.example", "scheme")]
    [InlineData("https://partner\\.example", "scheme")]
    [InlineData("https://", "scheme")]
    [InlineData("https://-bad-.example", "host")]
    [InlineData("https://under_score.example", "host")]
    [InlineData("https://partner..example", "host")]
    [InlineData("https://partner.example:99999", "scheme")]
    [InlineData("https://[fe80::1%25eth0]", "scheme")]
    public void Anything_but_a_plain_origin_is_refused_with_a_reason(string? input, string reason)
    {
        Assert.False(FrameAncestors.TryNormalizeOrigin(input, out _, out var problem));
        Assert.Contains(reason, problem, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://xn--.example")]
    [InlineData("https://xn--zz-\u00fc.example")]
    [InlineData("https://\u2488.example")]
    [InlineData("https://\ufffd.example")]
    [InlineData("https://a\u200d.example")]
    [InlineData("https://[::ffff:127.0.0.1]")]
    [InlineData("https://[1:2:3]")]
    [InlineData("https://0x7f.1")]
    [InlineData("https://example.com:")]
    [InlineData("https://example.com:-1")]
    [InlineData("https:///example.com")]
    [InlineData("https:example.com")]
    [InlineData("https://.")]
    public void Odd_hosts_are_answered_without_throwing_and_whatever_is_kept_is_a_plain_origin(string input)
    {
        if (FrameAncestors.TryNormalizeOrigin(input, out var origin, out _))
            Assert.Matches(@"^https://([a-z0-9.-]+|\[[0-9a-f:.]+\])(:[0-9]+)?$", origin);
    }

    [Fact]
    public void A_lone_surrogate_is_refused_without_throwing() =>
        Assert.False(FrameAncestors.TryNormalizeOrigin("https://" + '\ud800' + ".example", out _, out _));

    [Fact]
    public void Duplicates_are_dropped_in_order_and_at_most_ten_different_origins_are_allowed()
    {
        var ten = Enumerable.Range(1, 10).Select(i => (string?)$"https://site{i}.example").ToList();

        var kept = FrameAncestors.Normalize([.. ten, "https://SITE3.example/", "https://site1.example:443"]);
        Assert.Equal(ten.Select(o => o!), kept);

        var error = Assert.Throws<InvalidFieldException>(() => FrameAncestors.Normalize([.. ten, "https://site11.example"]));
        Assert.Equal(("validation_failed", "allowedFrameAncestors"), (error.Code, error.Field));
        Assert.Contains("10", error.Message);
    }

    [Fact]
    public void The_website_keeps_the_canonical_list_changes_only_when_it_differs_and_an_empty_list_resets_it()
    {
        var website = Website.Create(Guid.NewGuid(), "Pain Doré", "pain-dore", Now);
        var version = website.Version;

        Assert.True(website.AllowFrameAncestors(["https://Partner.example/", "https://partner.example"], Now));
        Assert.Equal(["https://partner.example"], website.AllowedFrameAncestors);
        Assert.Equal(version + 1, website.Version);

        Assert.False(website.AllowFrameAncestors(["https://partner.example:443"], Now));
        Assert.Equal(version + 1, website.Version);

        Assert.True(website.AllowFrameAncestors([], Now));
        Assert.Empty(website.AllowedFrameAncestors);
    }

    [Fact]
    public void An_invalid_list_leaves_the_website_as_it_was()
    {
        var website = Website.Create(Guid.NewGuid(), "Pain Doré", "pain-dore", Now);
        website.AllowFrameAncestors(["https://partner.example"], Now);

        var error = Assert.Throws<InvalidFieldException>(() => website.AllowFrameAncestors(["https://b.example", "https://c.example/path"], Now));

        Assert.Equal(FrameAncestors.Field, error.Field);
        Assert.StartsWith("Entry 2:", error.Message);
        Assert.Equal(["https://partner.example"], website.AllowedFrameAncestors);
    }
}
