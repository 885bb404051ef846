namespace IaGenify.Domain.Analytics;

/// <summary>What a breakdown groups by; the number is what the rollup tables store.</summary>
public enum AnalyticsDimension : short
{
    Page = 1,
    Referrer = 2,
    Device = 3,
    Browser = 4,
    UtmSource = 5,
    UtmCampaign = 6,
    UtmMedium = 7,
}
