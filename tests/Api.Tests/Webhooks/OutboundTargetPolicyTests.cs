using System.Net;
using IaGenify.Infrastructure.Http;

namespace IaGenify.Api.Tests.Webhooks;

public sealed class OutboundTargetPolicyTests
{
    [Theory]
    [InlineData("8.8.8.8", AddressCategory.Public)]
    [InlineData("93.184.215.14", AddressCategory.Public)]
    [InlineData("2606:4700::1111", AddressCategory.Public)]
    [InlineData("127.0.0.1", AddressCategory.Loopback)]
    [InlineData("127.255.0.9", AddressCategory.Loopback)]
    [InlineData("::1", AddressCategory.Loopback)]
    [InlineData("10.0.0.1", AddressCategory.Private)]
    [InlineData("172.16.0.1", AddressCategory.Private)]
    [InlineData("172.31.255.255", AddressCategory.Private)]
    [InlineData("172.32.0.1", AddressCategory.Public)]
    [InlineData("192.168.0.1", AddressCategory.Private)]
    [InlineData("100.64.0.1", AddressCategory.Private)]
    [InlineData("100.127.255.255", AddressCategory.Private)]
    [InlineData("100.128.0.1", AddressCategory.Public)]
    [InlineData("fc00::1", AddressCategory.Private)]
    [InlineData("fd12:3456::1", AddressCategory.Private)]
    [InlineData("169.254.0.1", AddressCategory.LinkLocal)]
    [InlineData("fe80::1", AddressCategory.LinkLocal)]
    [InlineData("febf::1", AddressCategory.LinkLocal)]
    [InlineData("169.254.169.254", AddressCategory.CloudMetadata)]
    [InlineData("fd00:ec2::254", AddressCategory.CloudMetadata)]
    [InlineData("100.100.100.200", AddressCategory.CloudMetadata)]
    [InlineData("0.0.0.0", AddressCategory.Unspecified)]
    [InlineData("0.1.2.3", AddressCategory.Unspecified)]
    [InlineData("::", AddressCategory.Unspecified)]
    [InlineData("224.0.0.1", AddressCategory.Multicast)]
    [InlineData("239.255.255.250", AddressCategory.Multicast)]
    [InlineData("ff02::1", AddressCategory.Multicast)]
    [InlineData("255.255.255.255", AddressCategory.Reserved)]
    [InlineData("192.0.2.1", AddressCategory.Reserved)]
    [InlineData("::ffff:127.0.0.1", AddressCategory.Loopback)]
    [InlineData("::ffff:169.254.169.254", AddressCategory.CloudMetadata)]
    [InlineData("::ffff:8.8.8.8", AddressCategory.Public)]
    [InlineData("64:ff9b::a9fe:a9fe", AddressCategory.CloudMetadata)]
    [InlineData("64:ff9b::808:808", AddressCategory.Public)]
    public void Addresses_are_classified(string address, AddressCategory expected) =>
        Assert.Equal(expected, AddressClassifier.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8", true, true)]
    [InlineData("127.0.0.1", true, false)]
    [InlineData("10.0.0.1", true, false)]
    [InlineData("fd12::1", true, false)]
    [InlineData("169.254.169.254", false, false)]
    [InlineData("169.254.1.1", false, false)]
    [InlineData("fe80::1", false, false)]
    [InlineData("0.0.0.0", false, false)]
    [InlineData("224.0.0.1", false, false)]
    public void Private_targets_are_allowed_only_when_configured(string address, bool allowedInDevelopment, bool allowedInProduction)
    {
        var ip = IPAddress.Parse(address);
        Assert.Equal(allowedInDevelopment, new OutboundTargetPolicy(allowPrivateTargets: true).IsAllowed(ip));
        Assert.Equal(allowedInProduction, new OutboundTargetPolicy(allowPrivateTargets: false).IsAllowed(ip));
    }

    [Theory]
    [InlineData("https://hooks.example.com/path?x=1", true, true)]
    [InlineData("https://8.8.8.8/", true, true)]
    [InlineData("https://localhost:8443/", true, true)]
    [InlineData("http://hooks.example.com/", true, false)]
    [InlineData("http://127.0.0.1:5000/hook", true, false)]
    [InlineData("https://127.0.0.1/", true, false)]
    [InlineData("https://[::1]/", true, false)]
    [InlineData("https://192.168.1.1/", true, false)]
    [InlineData("http://169.254.169.254/latest/meta-data/", false, false)]
    [InlineData("https://[fd00:ec2::254]/", false, false)]
    [InlineData("https://metadata.google.internal/", false, false)]
    [InlineData("https://METADATA.google.internal./", false, false)]
    [InlineData("https://metadata/", false, false)]
    [InlineData("https://0.0.0.0/", false, false)]
    [InlineData("https://2852039166/", false, false)]
    [InlineData("https://0251.0376.0251.0376/", false, false)]
    [InlineData("https://0xa9.0xfe.0xa9.0xfe/", false, false)]
    [InlineData("https://[::ffff:169.254.169.254]/", false, false)]
    [InlineData("https://[fe80::1]/", false, false)]
    [InlineData("https://user:pass@hooks.example.com/", false, false)]
    [InlineData("ftp://hooks.example.com/", false, false)]
    [InlineData("file:///etc/passwd", false, false)]
    [InlineData("/relative/path", false, false)]
    public void Urls_are_checked_before_any_dns_lookup(string url, bool allowedInDevelopment, bool allowedInProduction)
    {
        Assert.Equal(allowedInDevelopment, new OutboundTargetPolicy(allowPrivateTargets: true).Refusal(url) is null);
        Assert.Equal(allowedInProduction, new OutboundTargetPolicy(allowPrivateTargets: false).Refusal(url) is null);
    }
}
