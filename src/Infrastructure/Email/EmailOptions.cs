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
}
