namespace IaGenify.Infrastructure.Security.Revocations;

/// <summary>Configuration section <c>Identity:Revocations</c>.</summary>
public sealed class AccessRevocationOptions
{
    public const string Section = "Identity:Revocations";

    /// <summary>
    /// How often each replica re-reads recent revocations from PostgreSQL, the safety net behind NOTIFY (a replica whose
    /// listening connection dropped still refuses a revoked token within this interval).
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(10);
}
