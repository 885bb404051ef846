namespace IaGenify.Domain.Events;

/// <summary>
/// The catalogue of events modules publish through the outbox: stable names that webhook endpoints subscribe to.
/// A new event type is added here, and only here.
/// </summary>
public static class EventTypes
{
    public const string GenerationSucceeded = "generation.succeeded";
    public const string GenerationFailed = "generation.failed";
    public const string WebsitePublished = "website.published";
    public const string CreditsLow = "credits.low";
    public const string BillingUpdated = "billing.updated";
    public const string MemberJoined = "member.joined";
    public const string MemberRemoved = "member.removed";
    public const string WorkspaceOwnershipTransferred = "workspace.ownership_transferred";
    public const string WorkspaceMfaRequirementChanged = "workspace.mfa_requirement_changed";
    public const string MailboxMessageReceived = "mailbox.message_received";

    /// <summary>Sent on request to one endpoint to check the receiver; nobody subscribes to it.</summary>
    public const string WebhookTest = "webhook.test";

    public const int MaxLength = 100;

    /// <summary>The types an endpoint may subscribe to, in a stable order.</summary>
    public static IReadOnlyList<string> Subscribable { get; } =
    [
        GenerationSucceeded, GenerationFailed, WebsitePublished, CreditsLow, BillingUpdated, MemberJoined, MemberRemoved, MailboxMessageReceived,
        WorkspaceOwnershipTransferred, WorkspaceMfaRequirementChanged,
    ];

    public static bool IsSubscribable(string type) => Subscribable.Contains(type, StringComparer.Ordinal);

    public static bool IsKnown(string type) => IsSubscribable(type) || type == WebhookTest;
}
