using System.Collections.Concurrent;
using IaGenify.Domain.Analytics;

namespace IaGenify.Api.Http;

/// <summary>
/// <see cref="UserAgentClassifier"/> remembered per distinct User-Agent string: a site's visitors send a few hundred
/// distinct values, and classifying one scans it for some sixty markers on every page view. The cache is bounded in
/// entries and in the length of what it keeps (a longer value is classified each time), and starts again empty when
/// full, so odd or hostile values can cost CPU but not memory. The values are only ever compared, never logged.
/// </summary>
internal sealed class UserAgentClassifications
{
    public const int MaxEntries = 4_096;
    public const int MaxCachedLength = 512;

    private readonly ConcurrentDictionary<string, UserAgentInfo> _known = new(StringComparer.Ordinal);

    public int Count => _known.Count;

    public UserAgentInfo Classify(string userAgent)
    {
        if (_known.TryGetValue(userAgent, out var known))
            return known;
        var info = UserAgentClassifier.Classify(userAgent);
        if (userAgent.Length > MaxCachedLength)
            return info;
        if (_known.Count >= MaxEntries)
            _known.Clear();
        _known[userAgent] = info;
        return info;
    }
}
