namespace IaGenify.Domain.Analytics;

/// <summary>All that analytics keeps of a User-Agent: whether it is a robot, its device class and browser family.</summary>
public sealed record UserAgentInfo(bool IsBot, DeviceClass Device, BrowserFamily Browser);
