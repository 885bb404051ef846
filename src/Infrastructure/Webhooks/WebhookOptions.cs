namespace IaGenify.Infrastructure.Webhooks;

/// <summary>Configuration section <c>Webhooks</c>: secret encryption, the SSRF guard and the dispatcher.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Base64 of 32 bytes: the AES-256-GCM key that encrypts endpoint secrets. Required in Production.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Lets webhooks reach loopback and private networks over plain http. Defaults to true in Development only.</summary>
    public bool? AllowPrivateTargets { get; set; }

    /// <summary>Runs the dispatcher in this process; switch it off on replicas that should only serve the API.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Outbox events fanned out, and deliveries claimed, per round.</summary>
    public int BatchSize { get; set; } = 50;

    public int MaxConcurrentDeliveries { get; set; } = 8;
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claimed delivery is reserved for its dispatcher; longer than <see cref="RequestTimeout"/>.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts per delivery, the first included.</summary>
    public int MaxAttempts { get; set; } = 12;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The longest <c>Retry-After</c> a receiver can impose.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Deliveries that fail for good in a row before the endpoint is disabled.</summary>
    public int DisableAfterConsecutiveFailures { get; set; } = 15;

    public byte[] SecretKeyBytes()
    {
        if (string.IsNullOrWhiteSpace(SecretKey))
            throw new InvalidOperationException("Webhooks:SecretKey is not configured.");
        byte[] key;
        try
        {
            key = Convert.FromBase64String(SecretKey);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Webhooks:SecretKey must be base64.");
        }
        return key.Length == 32 ? key : throw new InvalidOperationException("Webhooks:SecretKey must hold exactly 32 bytes.");
    }

    /// <summary>Problems that would make the dispatcher misbehave; checked when the host starts.</summary>
    public IEnumerable<string> Problems()
    {
        string? keyProblem = null;
        try
        {
            SecretKeyBytes();
        }
        catch (InvalidOperationException ex)
        {
            keyProblem = ex.Message;
        }
        if (keyProblem is not null)
            yield return keyProblem;
        if (PollInterval <= TimeSpan.Zero)
            yield return "Webhooks:PollInterval must be positive.";
        if (BatchSize < 1 || MaxConcurrentDeliveries < 1 || MaxAttempts < 1 || DisableAfterConsecutiveFailures < 1)
            yield return "Webhooks:BatchSize, MaxConcurrentDeliveries, MaxAttempts and DisableAfterConsecutiveFailures must be at least 1.";
        if (ConnectTimeout <= TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero)
            yield return "Webhooks:ConnectTimeout and RequestTimeout must be positive.";
        if (LeaseDuration <= RequestTimeout + ConnectTimeout)
            yield return "Webhooks:LeaseDuration must be longer than ConnectTimeout + RequestTimeout.";
        if (RetryBaseDelay <= TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay || MaxRetryAfter < TimeSpan.Zero)
            yield return "Webhooks:RetryBaseDelay must be positive and at most RetryMaxDelay; MaxRetryAfter not negative.";
    }
}
