using IaGenify.Application.Common.Paging;
using Ardalis.Specification;
using IaGenify.Domain.Webhooks;

namespace IaGenify.Application.Webhooks.Specifications;

public sealed class WebhookEndpointByIdSpec : Specification<WebhookEndpoint>
{
    public WebhookEndpointByIdSpec(Guid workspaceId, Guid endpointId) =>
        Query.Where(e => e.WorkspaceId == workspaceId && e.Id == endpointId);
}

public sealed class WebhookEndpointDtoByIdSpec : Specification<WebhookEndpoint, WebhookEndpointDto>
{
    public WebhookEndpointDtoByIdSpec(Guid workspaceId, Guid endpointId)
    {
        Query.Where(e => e.WorkspaceId == workspaceId && e.Id == endpointId);
        Query.Select(WebhookEndpointDto.Projection);
    }
}

public sealed class WebhookEndpointsOfWorkspaceSpec : Specification<WebhookEndpoint>
{
    public WebhookEndpointsOfWorkspaceSpec(Guid workspaceId) => Query.Where(e => e.WorkspaceId == workspaceId);
}

/// <summary>Newest first, up to limit+1 rows (see <see cref="Cursor.Page{T}"/>).</summary>
public sealed class WebhookEndpointPageSpec : Specification<WebhookEndpoint, WebhookEndpointDto>
{
    public WebhookEndpointPageSpec(Guid workspaceId, int limit, string? cursor)
    {
        Query.Where(e => e.WorkspaceId == workspaceId);
        if (Cursor.Decode(cursor) is { } before)
            Query.Where(e => e.Id.CompareTo(before) < 0);
        Query.OrderByDescending(e => e.Id);
        Query.Take(limit + 1);
        Query.Select(WebhookEndpointDto.Projection);
    }
}

/// <summary>Newest first, up to limit+1 rows.</summary>
public sealed class WebhookDeliveryPageSpec : Specification<WebhookDelivery, WebhookDeliveryDto>
{
    public WebhookDeliveryPageSpec(Guid workspaceId, Guid endpointId, int limit, string? cursor)
    {
        Query.Where(d => d.WorkspaceId == workspaceId && d.EndpointId == endpointId);
        if (Cursor.Decode(cursor) is { } before)
            Query.Where(d => d.Id.CompareTo(before) < 0);
        Query.OrderByDescending(d => d.Id);
        Query.Take(limit + 1);
        Query.Select(d => new WebhookDeliveryDto(d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.LastStatusCode,
            d.LastError, d.NextAttemptAt, d.LastAttemptAt, d.CreatedAt, d.CompletedAt, d.Redeliveries));
    }
}
