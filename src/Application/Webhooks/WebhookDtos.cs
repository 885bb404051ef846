using System.Linq.Expressions;
using System.Text.Json.Serialization;
using IaGenify.Domain.Webhooks;

namespace IaGenify.Application.Webhooks;

/// <summary>An endpoint as clients see it. <see cref="Secret"/> is present only in the answer that created or rotated it.</summary>
public sealed record WebhookEndpointDto(
    Guid Id,
    string Url,
    string? Description,
    IReadOnlyList<string> EventTypes,
    bool Enabled,
    WebhookDisabledReason? DisabledReason,
    DateTimeOffset? DisabledAt,
    int ConsecutiveFailures,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    public static Expression<Func<WebhookEndpoint, WebhookEndpointDto>> Projection { get; } = e => new WebhookEndpointDto(
        e.Id, e.Url, e.Description, e.EventTypes, e.Enabled, e.DisabledReason, e.DisabledAt, e.ConsecutiveFailures,
        e.CreatedAt, e.UpdatedAt);

    private static readonly Func<WebhookEndpoint, WebhookEndpointDto> FromEntity = Projection.Compile();

    public static WebhookEndpointDto From(WebhookEndpoint endpoint, string? secret = null) =>
        FromEntity(endpoint) with { Secret = secret };
}

/// <summary>One line of an endpoint's delivery log: what was sent when and how the receiver answered, no content.</summary>
public sealed record WebhookDeliveryDto(
    Guid Id,
    Guid EventId,
    string EventType,
    WebhookDeliveryStatus Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt);

public sealed record WebhookTestDto(Guid EventId);
