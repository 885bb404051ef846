using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Webhooks;

/// <summary>
/// When to try a failed delivery again: capped exponential backoff with jitter, stretched to honour the receiver's
/// <c>Retry-After</c> (up to <see cref="WebhookOptions.MaxRetryAfter"/>); never once attempts run out or the failure
/// cannot be cured by waiting.
/// </summary>
internal sealed class WebhookRetryPolicy(IOptions<WebhookOptions> options)
{
    private readonly WebhookOptions _options = options.Value;

    public DateTimeOffset? NextAttemptAt(int attemptsMade, DeliveryAttemptResult result, DateTimeOffset now)
    {
        if (result.Succeeded || !result.Retryable || attemptsMade >= _options.MaxAttempts)
            return null;
        var delay = Backoff(attemptsMade);
        if (result.RetryAfter is { } retryAfter)
            delay = TimeSpan.FromTicks(Math.Max(delay.Ticks, Math.Min(retryAfter.Ticks, _options.MaxRetryAfter.Ticks)));
        return now + delay;
    }

    /// <summary>base × 2^(attempts-1), capped, then a random 50–100 % of it so that retries of many deliveries spread out.</summary>
    public TimeSpan Backoff(int attemptsMade)
    {
        var exponent = Math.Min(Math.Max(attemptsMade - 1, 0), 30);
        var capped = Math.Min(_options.RetryBaseDelay.Ticks * Math.Pow(2, exponent), _options.RetryMaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(capped * (0.5 + Random.Shared.NextDouble() * 0.5)));
    }
}
