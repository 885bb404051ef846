using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Webhooks;

namespace IaGenify.Application.Webhooks.Specifications;

public sealed class WebhookEndpointByIdSpec : Specification<WebhookEndpoint>
{
    public WebhookEndpointByIdSpec(Guid workspaceId, Guid endpointId) =>
        Where(e => e.WorkspaceId == workspaceId && e.Id == endpointId);
}

public sealed class WebhookEndpointDtoByIdSpec : Specification<WebhookEndpoint, WebhookEndpointDto>
{
    public WebhookEndpointDtoByIdSpec(Guid workspaceId, Guid endpointId)
    {
        Where(e => e.WorkspaceId == workspaceId && e.Id == endpointId);
        Select(WebhookEndpointDto.Projection);
    }
}

public sealed class WebhookEndpointsOfWorkspaceSpec : Specification<WebhookEndpoint>
{
    public WebhookEndpointsOfWorkspaceSpec(Guid workspaceId) => Where(e => e.WorkspaceId == workspaceId);
}

/// <summary>Newest first, up to limit+1 rows (see <see cref="Cursor.Page{T}"/>).</summary>
public sealed class WebhookEndpointPageSpec : Specification<WebhookEndpoint, WebhookEndpointDto>
{
    public WebhookEndpointPageSpec(Guid workspaceId, int limit, string? cursor)
    {
        Where(e => e.WorkspaceId == workspaceId);
        if (Cursor.Decode(cursor) is { } before)
            Where(e => e.Id.CompareTo(before) < 0);
        OrderByDescending(e => e.Id);
        Limit(limit + 1);
        Select(WebhookEndpointDto.Projection);
    }
}

/// <summary>Newest first, up to limit+1 rows.</summary>
public sealed class WebhookDeliveryPageSpec : Specification<WebhookDelivery, WebhookDeliveryDto>
{
    public WebhookDeliveryPageSpec(Guid workspaceId, Guid endpointId, int limit, string? cursor)
    {
        Where(d => d.WorkspaceId == workspaceId && d.EndpointId == endpointId);
        if (Cursor.Decode(cursor) is { } before)
            Where(d => d.Id.CompareTo(before) < 0);
        OrderByDescending(d => d.Id);
        Limit(limit + 1);
        Select(d => new WebhookDeliveryDto(d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.LastStatusCode,
            d.LastError, d.NextAttemptAt, d.LastAttemptAt, d.CreatedAt, d.CompletedAt));
    }
}
