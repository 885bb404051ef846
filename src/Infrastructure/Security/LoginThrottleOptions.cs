namespace IaGenify.Infrastructure.Security;

/// <summary>Configuration section <c>Identity:LoginThrottle</c>.</summary>
public sealed class LoginThrottleOptions
{
    public const string Section = "Identity:LoginThrottle";

    /// <summary>Failures allowed within <see cref="Window"/> before the key is locked.</summary>
    public int MaxFailures { get; set; } = 5;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(5);
}
