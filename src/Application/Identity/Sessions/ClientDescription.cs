namespace IaGenify.Application.Identity.Sessions;

/// <summary>
/// Turns a User-Agent into a coarse description ("Firefox on Linux") that a person recognises in a session list.
/// The raw string is never stored: its version details and device hints would fingerprint the user.
/// </summary>
public static class ClientDescription
{
    // Order matters: Chromium-based browsers also claim "Chrome" and "Safari", Chrome on iOS claims "Safari".
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"),
        ("OPR/", "Opera"), ("Opera", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Vivaldi/", "Vivaldi"),
        ("YaBrowser/", "Yandex Browser"),
        ("FxiOS/", "Firefox"), ("Firefox/", "Firefox"),
        ("CriOS/", "Chrome"), ("Chromium/", "Chromium"), ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
        ("curl/", "curl"), ("Wget/", "Wget"), ("PostmanRuntime/", "Postman"),
        ("python-requests/", "Python"), ("okhttp/", "OkHttp"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Windows", "Windows"),
        ("iPhone", "iOS"), ("iPad", "iPadOS"),
        ("CrOS", "ChromeOS"),
        ("Android", "Android"),
        ("Mac OS X", "macOS"), ("Macintosh", "macOS"),
        ("Linux", "Linux"),
    ];

    public const string Unknown = "Unknown client";

    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
            return Unknown;
        var browser = Find(Browsers, userAgent);
        var system = Find(Systems, userAgent);
        return (browser, system) switch
        {
            (null, null) => Unknown,
            ({ } b, null) => b,
            (null, { } s) => $"Unknown browser on {s}",
            ({ } b, { } s) => $"{b} on {s}",
        };
    }

    private static string? Find((string Token, string Name)[] candidates, string userAgent)
    {
        foreach (var (token, name) in candidates)
            if (userAgent.Contains(token, StringComparison.OrdinalIgnoreCase))
                return name;
        return null;
    }
}
