using IaGenify.Domain.Analytics;

namespace IaGenify.Domain.Tests.Analytics;

public sealed class TrafficSourceTests
{
    [Theory]
    [InlineData("https://www.shop.example/about", "shop.example")]
    [InlineData("https://shop.example/about", "www.shop.example")]
    [InlineData("https://WWW.Shop.Example/", "shop.example")]
    [InlineData("http://localhost:5080/sites/pain-dore", "localhost")]
    public void A_visitor_moving_within_the_site_on_its_apex_or_www_host_is_no_referrer(string referrer, string ownHost) =>
        Assert.Null(TrafficSource.ReferrerHostOf(referrer, ownHost));

    [Theory]
    [InlineData("https://www.google.com/search?q=bread", "shop.example", "google.com")]
    [InlineData("https://blog.shop.example/post", "shop.example", "blog.shop.example")]
    public void Other_hosts_are_referrers_without_their_www(string referrer, string ownHost, string expected) =>
        Assert.Equal(expected, TrafficSource.ReferrerHostOf(referrer, ownHost));
}
