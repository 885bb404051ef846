namespace IaGenify.Infrastructure.Webhooks;

/// <summary>
/// How one attempt ended. <see cref="Summary"/> is the short status line kept in the delivery log (never the body).
/// </summary>
internal sealed record DeliveryAttemptResult(bool Succeeded, int? StatusCode, string Summary, bool Retryable,
    TimeSpan? RetryAfter = null)
{
    public static DeliveryAttemptResult FromStatus(int status, string? reason, TimeSpan? retryAfter)
    {
        var summary = $"HTTP {status} {reason}".Trim();
        return status switch
        {
            >= 200 and < 300 => new(true, status, summary, Retryable: false),
            408 or 429 or >= 500 => new(false, status, summary, Retryable: true, retryAfter),
            >= 300 and < 400 => new(false, status, summary + " (redirects are not followed)", Retryable: false),
            _ => new(false, status, summary, Retryable: false),
        };
    }

    public static DeliveryAttemptResult NetworkError(string summary) => new(false, null, summary, Retryable: true);

    /// <summary>Nothing was sent and trying again cannot help (the address is refused).</summary>
    public static DeliveryAttemptResult Refused(string summary) => new(false, null, summary, Retryable: false);

    /// <summary>
    /// Nothing was sent because of a fault on our side (a replica without the right secret key); a later attempt,
    /// perhaps by another replica, may succeed.
    /// </summary>
    public static DeliveryAttemptResult LocalFault(string summary) => new(false, null, summary, Retryable: true);
}
