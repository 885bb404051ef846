namespace IaGenify.Application.Credits;

/// <summary>Configuration section <c>Credits</c>.</summary>
public sealed class CreditOptions
{
    public const string Section = "Credits";

    /// <summary>How long a hold reserves credits before it expires by itself.</summary>
    public TimeSpan HoldTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Credits a new workspace receives (the free plan's credits); 0 to disable.</summary>
    public long WelcomeGrant { get; set; } = 50;

    /// <summary>How often expired grants are written off and stale holds expired.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// When an operation takes the available credits from at least this many to fewer, a <c>credits.low</c> event is
    /// published (once per crossing). 0 turns it off.
    /// </summary>
    public long LowBalanceThreshold { get; set; }

    /// <summary>Credits charged per operation, e.g. <c>website.generate</c> → 20.</summary>
    public Dictionary<string, long> Prices { get; set; } = new(StringComparer.Ordinal);
}
