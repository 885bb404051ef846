namespace IaGenify.Domain.Analytics;

/// <summary>
/// A deliberately small User-Agent reader: robots by well-known markers, then device class and browser family from
/// the tokens browsers have sent for years. Order matters because browsers imitate each other (Edge and Opera say
/// "Chrome", Chrome says "Safari"). A missing or empty User-Agent is a robot: no browser omits it. Search engines that
/// also ship a browser are matched by their robots' names only (DuckDuckBot, Baiduspider; not the "DuckDuckGo/7" or
/// "baiduboxapp" of their apps).
/// </summary>
public static class UserAgentClassifier
{
    private static readonly string[] BotMarkers =
    [
        "bot", "crawl", "spider", "slurp", "scrape", "fetch", "curl/", "wget/", "python-", "python/", "java/", "go-http-client",
        "okhttp", "libwww", "httpclient", "axios/", "node-fetch", "headlesschrome", "phantomjs", "lighthouse", "pingdom",
        "uptime", "monitor", "facebookexternalhit", "embedly", "preview", "whatsapp", "telegram", "discord", "feed",
        "archiver", "ia_archiver", "semrush", "ahrefs", "mj12", "yandex", "bingpreview", "petalsearch",
        "gptbot", "chatgpt", "claude", "perplexity", "bytespider", "dataprovider", "nutch", "scrapy", "wrk", "apachebench",
        "k6/", "postman", "insomnia", "httpie",
    ];

    public static UserAgentInfo Classify(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
            return new UserAgentInfo(true, DeviceClass.Other, BrowserFamily.Other);
        var ua = userAgent.ToLowerInvariant();
        foreach (var marker in BotMarkers)
        {
            if (ua.Contains(marker, StringComparison.Ordinal))
                return new UserAgentInfo(true, DeviceClass.Other, BrowserFamily.Other);
        }
        return new UserAgentInfo(false, DeviceOf(ua), BrowserOf(ua));
    }

    private static DeviceClass DeviceOf(string ua)
    {
        if (ua.Contains("ipad", StringComparison.Ordinal) || ua.Contains("tablet", StringComparison.Ordinal)
            || ua.Contains("kindle", StringComparison.Ordinal) || ua.Contains("silk/", StringComparison.Ordinal)
            || (ua.Contains("android", StringComparison.Ordinal) && !ua.Contains("mobile", StringComparison.Ordinal)))
            return DeviceClass.Tablet;
        if (ua.Contains("mobi", StringComparison.Ordinal) || ua.Contains("iphone", StringComparison.Ordinal)
            || ua.Contains("ipod", StringComparison.Ordinal) || ua.Contains("windows phone", StringComparison.Ordinal))
            return DeviceClass.Mobile;
        if (ua.Contains("windows", StringComparison.Ordinal) || ua.Contains("macintosh", StringComparison.Ordinal)
            || ua.Contains("x11", StringComparison.Ordinal) || ua.Contains("linux", StringComparison.Ordinal)
           )
            return DeviceClass.Desktop;
        return DeviceClass.Other;
    }

    private static BrowserFamily BrowserOf(string ua)
    {
        if (ua.Contains("edg/", StringComparison.Ordinal) || ua.Contains("edge/", StringComparison.Ordinal)
            || ua.Contains("edga/", StringComparison.Ordinal) || ua.Contains("edgios/", StringComparison.Ordinal))
            return BrowserFamily.Edge;
        if (ua.Contains("opr/", StringComparison.Ordinal) || ua.Contains("opera", StringComparison.Ordinal))
            return BrowserFamily.Opera;
        if (ua.Contains("samsungbrowser/", StringComparison.Ordinal))
            return BrowserFamily.SamsungInternet;
        if (ua.Contains("firefox/", StringComparison.Ordinal) || ua.Contains("fxios/", StringComparison.Ordinal))
            return BrowserFamily.Firefox;
        if (ua.Contains("chrome/", StringComparison.Ordinal) || ua.Contains("crios/", StringComparison.Ordinal)
            || ua.Contains("chromium/", StringComparison.Ordinal))
            return BrowserFamily.Chrome;
        if (ua.Contains("safari/", StringComparison.Ordinal) && ua.Contains("version/", StringComparison.Ordinal))
            return BrowserFamily.Safari;
        if (ua.Contains("applewebkit", StringComparison.Ordinal) && (ua.Contains("iphone", StringComparison.Ordinal) || ua.Contains("ipad", StringComparison.Ordinal)))
            return BrowserFamily.Safari;
        return BrowserFamily.Other;
    }
}
