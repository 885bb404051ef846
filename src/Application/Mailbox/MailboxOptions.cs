namespace IaGenify.Application.Mailbox;

/// <summary>Configuration section <c>Mailbox</c>.</summary>
public sealed class MailboxOptions
{
    public const string Section = "Mailbox";

    /// <summary>Domain of the per-thread reply addresses (<c>reply+{token}@{ReplyDomain}</c>) and of the Message-IDs we mint.</summary>
    public string ReplyDomain { get; set; } = "reply.iagenify.local";

    /// <summary>Display name replies are sent under, before the workspace's name.</summary>
    public string FromName { get; set; } = "IaGenify";

    /// <summary>Shared secret of the inbound-mail webhook (HMAC-SHA256 of the raw body). Without it, inbound mail is refused (401).</summary>
    public string? InboundSecret { get; set; }

    /// <summary>Largest raw inbound email accepted (413 above).</summary>
    public long MaxInboundBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Largest attachment kept (as an asset of the workspace); larger ones are dropped.</summary>
    public long MaxAttachmentBytes { get; set; } = 5 * 1024 * 1024;

    public MailboxDeliveryOptions Delivery { get; set; } = new();

    public ContactLimitOptions Contact { get; set; } = new();
}

/// <summary><c>Mailbox:Delivery</c>: the background sender of replies and notifications.</summary>
public sealed class MailboxDeliveryOptions
{
    public bool WorkerEnabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; set; } = 20;
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(2);
}

/// <summary><c>Mailbox:Contact</c>: how many contact submissions a client address and a site may make per window.</summary>
public sealed class ContactLimitOptions
{
    public int PerIpPermitLimit { get; set; } = 5;
    public TimeSpan PerIpWindow { get; set; } = TimeSpan.FromMinutes(10);
    public int PerSitePermitLimit { get; set; } = 100;
    public TimeSpan PerSiteWindow { get; set; } = TimeSpan.FromHours(1);
}
