namespace IaGenify.Domain.Analytics;

/// <summary>The kind of device a User-Agent describes; stored as its lower-case name.</summary>
public enum DeviceClass
{
    Desktop,
    Mobile,
    Tablet,
    Other,
}
