namespace IaGenify.Infrastructure.Email;

public enum EmailProvider
{
    /// <summary>Keeps sent emails in memory (Development and tests); listed at GET /dev/mail in Development.</summary>
    Capture,
    Smtp,
    /// <summary>Drops emails and logs that it did (no payload).</summary>
    Log,
}

/// <summary>Configuration section <c>Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailProvider? Provider { get; set; }
    public string From { get; set; } = "IaGenify <no-reply@iagenify.local>";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool SmtpUseSsl { get; set; } = true;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public EmailOutboxOptions Outbox { get; set; } = new();
}

/// <summary><c>Email:Outbox</c>: the background dispatcher of account and platform emails.</summary>
public sealed class EmailOutboxOptions
{
    /// <summary>Off in <c>--role api</c>; several dispatchers may run (they share the work through leases).</summary>
    public bool DispatcherEnabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claimed email stays away from other dispatchers; a dispatcher that dies frees it after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before an email is given up (about a day with the default delays).</summary>
    public int MaxAttempts { get; set; } = 30;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);
}
