using IaGenify.Domain.Common;
using EventCatalogue = IaGenify.Domain.Events.EventTypes;

namespace IaGenify.Domain.Webhooks;

/// <summary>
/// A URL of the workspace that receives the events it subscribes to, signed with its own secret. The secret is
/// kept protected (encrypted) because it must be read back to sign; it is shown to the client only when created
/// or rotated. The endpoint switches itself off after too many failed deliveries in a row.
/// </summary>
public sealed class WebhookEndpoint : Entity, ITenantOwned
{
    public const int MaxUrlLength = 2048;
    public const int MaxDescriptionLength = 200;
    public const int MaxPerWorkspace = 20;

    private WebhookEndpoint()
    {
        Url = ProtectedSecret = string.Empty;
        EventTypes = [];
    }

    public Guid WorkspaceId { get; private set; }
    public string Url { get; private set; }
    public string? Description { get; private set; }
    public List<string> EventTypes { get; private set; }
    public string ProtectedSecret { get; private set; }
    public bool Enabled { get; private set; }
    public WebhookDisabledReason? DisabledReason { get; private set; }
    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>Deliveries that failed for good since the last success; reset by a success or by re-enabling.</summary>
    public int ConsecutiveFailures { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static WebhookEndpoint Create(Guid workspaceId, string url, string? description,
        IEnumerable<string> eventTypes, string protectedSecret, DateTimeOffset now) => new()
    {
        WorkspaceId = workspaceId,
        Url = Guard.NotBlank(url, MaxUrlLength, nameof(url)),
        Description = NormalizeDescription(description),
        EventTypes = NormalizeEventTypes(eventTypes),
        ProtectedSecret = Guard.NotBlank(protectedSecret, int.MaxValue, nameof(protectedSecret)),
        Enabled = true,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public bool Subscribes(string eventType) => EventTypes.Contains(eventType, StringComparer.Ordinal);

    /// <summary>Changes what is given; null leaves a field as it is, and an empty description clears it.</summary>
    public void Update(string? url, string? description, IEnumerable<string>? eventTypes, bool? enabled, DateTimeOffset now)
    {
        if (url is not null)
            Url = Guard.NotBlank(url, MaxUrlLength, nameof(url));
        if (description is not null)
            Description = NormalizeDescription(description);
        if (eventTypes is not null)
            EventTypes = NormalizeEventTypes(eventTypes);
        if (enabled == true && !Enabled)
        {
            Enabled = true;
            DisabledReason = null;
            DisabledAt = null;
            ConsecutiveFailures = 0;
        }
        else if (enabled == false && Enabled)
        {
            Disable(WebhookDisabledReason.Manual, now);
        }
        UpdatedAt = now;
    }

    public void RotateSecret(string protectedSecret, DateTimeOffset now)
    {
        ProtectedSecret = Guard.NotBlank(protectedSecret, int.MaxValue, nameof(protectedSecret));
        UpdatedAt = now;
    }

    public void DeliverySucceeded() => ConsecutiveFailures = 0;

    /// <summary>
    /// Counts a delivery that failed for good. Returns true when this failure switched the endpoint off, so that the
    /// caller records it once.
    /// </summary>
    public bool DeliveryFailed(int disableAfter, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(disableAfter);
        ConsecutiveFailures++;
        if (!Enabled || ConsecutiveFailures < disableAfter)
            return false;
        Disable(WebhookDisabledReason.Failures, now);
        return true;
    }

    private void Disable(WebhookDisabledReason reason, DateTimeOffset now)
    {
        Enabled = false;
        DisabledReason = reason;
        DisabledAt = now;
        UpdatedAt = now;
    }

    private static string? NormalizeDescription(string? description)
    {
        var trimmed = description?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        return trimmed.Length <= MaxDescriptionLength
            ? trimmed
            : throw new ArgumentException($"description must be at most {MaxDescriptionLength} characters.", nameof(description));
    }

    private static List<string> NormalizeEventTypes(IEnumerable<string> eventTypes)
    {
        var types = eventTypes.Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (types.Count == 0)
            throw new ArgumentException("An endpoint subscribes to at least one event type.", nameof(eventTypes));
        if (types.FirstOrDefault(t => !EventCatalogue.IsSubscribable(t)) is { } unknown)
            throw new ArgumentException($"'{unknown}' is not an event type one can subscribe to.", nameof(eventTypes));
        return types;
    }
}
