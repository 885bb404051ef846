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

    /// <summary>Every request made with an API key, per key.</summary>
    public FixedWindowLimit ApiKey { get; set; } = new() { PermitLimit = 600 };

    /// <summary>Every request of a signed-in user, per user.</summary>
    public FixedWindowLimit User { get; set; } = new() { PermitLimit = 600 };

    /// <summary>Every request without credentials, per client IP.</summary>
    public FixedWindowLimit Anonymous { get; set; } = new() { PermitLimit = 300 };
}
