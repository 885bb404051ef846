namespace IaGenify.Domain.Analytics;

/// <summary>The browser family a User-Agent names; stored as its lower-case name.</summary>
public enum BrowserFamily
{
    Chrome,
    Edge,
    Firefox,
    Safari,
    Opera,
    SamsungInternet,
    Other,
}
