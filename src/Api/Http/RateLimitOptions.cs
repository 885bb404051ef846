namespace IaGenify.Api.Http;

public sealed class FixedWindowLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Configuration section <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Register, login, refresh and account recovery, per client IP.</summary>
    public FixedWindowLimit Auth { get; set; } = new() { PermitLimit = 20 };
}
