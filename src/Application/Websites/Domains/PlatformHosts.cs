using System.Net;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Websites.Domains;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Websites.Domains;

/// <summary>
/// Tells the platform's own host names from customers' domains. IP literals and single-label names ("localhost")
/// always belong to the platform: no customer domain can be one.
/// </summary>
public sealed class PlatformHosts(IOptionsMonitor<DomainOptions> domains, IOptionsMonitor<PlatformOptions> platform)
{
    public bool IsPlatformHost(string host)
    {
        var bare = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (bare.Length == 0 || IPAddress.TryParse(bare.Trim('[', ']'), out _) || !bare.Contains('.'))
            return true;
        return Configured().Any(platformHost => HostNames.IsWithin(bare, platformHost));
    }

    private IEnumerable<string> Configured()
    {
        foreach (var host in domains.CurrentValue.PlatformHosts)
            if (!string.IsNullOrWhiteSpace(host))
                yield return host.Trim().TrimEnd('.').ToLowerInvariant();
        if (Uri.TryCreate(platform.CurrentValue.PublicUrl, UriKind.Absolute, out var publicUrl))
            yield return publicUrl.IdnHost.ToLowerInvariant();
        if (Uri.TryCreate(platform.CurrentValue.AppUrl, UriKind.Absolute, out var appUrl))
            yield return appUrl.IdnHost.ToLowerInvariant();
    }
}
