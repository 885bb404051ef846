using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations;

/// <summary>Why an attempt failed and whether trying again can help.</summary>
public sealed record AttemptFailure(GenerationError Error, bool Retryable, TimeSpan? RetryAfter = null, bool Immediate = false);

/// <summary>Retry now-ish (after <see cref="Delay"/>) or give up.</summary>
public sealed record RetryDecision(bool Retry, TimeSpan Delay)
{
    public static RetryDecision GiveUp { get; } = new(false, TimeSpan.Zero);
}

/// <summary>
/// Capped exponential backoff with jitter: attempt n waits between half and all of base·2^(n−1), at most the cap.
/// A server's <c>Retry-After</c> wins, shortened to its own cap; invalid output is retried at once (the next
/// prompt carries the validation errors). Nothing is retried past the maximum number of attempts.
/// </summary>
public sealed class RetryPolicy(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan retryAfterCap, Func<double> random)
{
    public static RetryPolicy From(GenerationOptions options) =>
        new(options.MaxAttempts, options.RetryBaseDelay, options.RetryMaxDelay, options.RetryAfterCap, Random.Shared.NextDouble);

    public int MaxAttempts => maxAttempts;

    /// <param name="attempt">The attempt that just failed, 1 for the first.</param>
    public RetryDecision Decide(int attempt, AttemptFailure failure)
    {
        if (!failure.Retryable || attempt >= maxAttempts)
            return RetryDecision.GiveUp;
        if (failure.Immediate)
            return new RetryDecision(true, TimeSpan.Zero);
        if (failure.RetryAfter is { } asked)
            return new RetryDecision(true, asked < TimeSpan.Zero ? TimeSpan.Zero : asked > retryAfterCap ? retryAfterCap : asked);

        var exponent = Math.Min(attempt - 1, 30);
        var backoff = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        var jittered = backoff / 2 + random() * backoff / 2;
        return new RetryDecision(true, TimeSpan.FromMilliseconds(jittered));
    }
}
