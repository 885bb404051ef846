namespace IaGenify.Application.Identity.Ports;

/// <summary>Slows down password guessing: after repeated failures for a key, attempts are refused for a while.</summary>
public interface ILoginThrottle
{
    /// <summary>How long the key must still wait, or null when it may try now.</summary>
    TimeSpan? RetryAfter(string key);
    void RecordFailure(string key);
    void Reset(string key);
}
