using IaGenify.Api.Http;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Webhooks;
using IaGenify.Application.Webhooks.Commands.CreateWebhookEndpoint;
using IaGenify.Application.Webhooks.Commands.DeleteWebhookEndpoint;
using IaGenify.Application.Webhooks.Commands.RedeliverFailedWebhooks;
using IaGenify.Application.Webhooks.Commands.RedeliverWebhook;
using IaGenify.Application.Webhooks.Commands.RotateWebhookSecret;
using IaGenify.Application.Webhooks.Commands.SendTestWebhook;
using IaGenify.Application.Webhooks.Commands.UpdateWebhookEndpoint;
using IaGenify.Application.Webhooks.Queries.GetWebhookEndpoint;
using IaGenify.Application.Webhooks.Queries.ListWebhookDeliveries;
using IaGenify.Application.Webhooks.Queries.ListWebhookEndpoints;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

internal static class WebhookEndpoints
{
    public sealed record CreateWebhookEndpointBody(string Url, string? Description, IReadOnlyList<string> EventTypes);

    public sealed record UpdateWebhookEndpointBody(string? Url, string? Description, IReadOnlyList<string>? EventTypes, bool? Enabled);

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var endpoints = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/webhook-endpoints").WithTags("Webhooks");

        endpoints.MapPost("", CreateWebhookEndpointAsync)
            .WithName("CreateWebhookEndpoint").WithSummary("Subscribe a URL to workspace events; the answer holds its signing secret.")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 423, 429);
        endpoints.MapGet("", ListWebhookEndpointsAsync)
            .WithName("ListWebhookEndpoints").WithSummary("The webhook endpoints of a workspace.")
            .ProducesProblems(400, 401, 402, 403, 404, 429);
        endpoints.MapGet("/{endpointId:guid}", GetWebhookEndpointAsync)
            .WithName("GetWebhookEndpoint").WithSummary("One webhook endpoint.")
            .ProducesProblems(401, 402, 403, 404, 429);
        endpoints.MapPatch("/{endpointId:guid}", UpdateWebhookEndpointAsync)
            .WithName("UpdateWebhookEndpoint").WithSummary("Change a webhook endpoint's URL, description, events or enabled state.")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 423, 429);
        endpoints.MapDelete("/{endpointId:guid}", DeleteWebhookEndpointAsync)
            .WithName("DeleteWebhookEndpoint").WithSummary("Delete a webhook endpoint.")
            .ProducesProblems(401, 402, 403, 404, 423, 429);
        endpoints.MapPost("/{endpointId:guid}/rotate-secret", RotateWebhookSecretAsync)
            .WithName("RotateWebhookSecret").WithSummary("Replace a webhook endpoint's signing secret.")
            .ProducesProblems(401, 402, 403, 404, 423, 429);
        endpoints.MapPost("/{endpointId:guid}/test", SendTestWebhookAsync)
            .WithName("SendTestWebhook").WithSummary("Queue a test event to a webhook endpoint.")
            .ProducesProblems(401, 402, 403, 404, 409, 423, 429);
        endpoints.MapGet("/{endpointId:guid}/deliveries", ListWebhookDeliveriesAsync)
            .WithName("ListWebhookDeliveries").WithSummary("The deliveries to a webhook endpoint, with their attempts.")
            .ProducesProblems(400, 401, 402, 403, 404, 429);
        endpoints.MapPost("/{endpointId:guid}/deliveries/{deliveryId:guid}/redeliver", RedeliverWebhookAsync)
            .WithName("RedeliverWebhook").WithSummary("Send one delivery again.")
            .ProducesProblems(401, 402, 403, 404, 409, 423, 429);
        endpoints.MapPost("/{endpointId:guid}/deliveries/redeliver-failed", RedeliverFailedWebhooksAsync)
            .WithName("RedeliverFailedWebhooks").WithSummary("Send again every failed delivery to an endpoint, optionally since a time.")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 423, 429);
        return app;
    }

    private static async Task<Created<WebhookEndpointDto>> CreateWebhookEndpointAsync(Guid workspaceId, CreateWebhookEndpointBody body,
        IMediator mediator, CancellationToken ct)
    {
        var endpoint = await mediator.Send(new CreateWebhookEndpoint(workspaceId, body.Url, body.Description, body.EventTypes), ct);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/webhook-endpoints/{endpoint.Id}", endpoint);
    }

    private static async Task<Ok<CursorPage<WebhookEndpointDto>>> ListWebhookEndpointsAsync(Guid workspaceId, int? limit, string? cursor,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListWebhookEndpoints(workspaceId, Paging.LimitOrDefault(limit), cursor), ct));

    private static async Task<Ok<WebhookEndpointDto>> GetWebhookEndpointAsync(Guid workspaceId, Guid endpointId, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetWebhookEndpoint(workspaceId, endpointId), ct));

    private static async Task<Ok<WebhookEndpointDto>> UpdateWebhookEndpointAsync(Guid workspaceId, Guid endpointId,
        UpdateWebhookEndpointBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateWebhookEndpoint(workspaceId, endpointId, body.Url, body.Description,
            body.EventTypes, body.Enabled), ct));

    private static async Task<NoContent> DeleteWebhookEndpointAsync(Guid workspaceId, Guid endpointId, IMediator mediator,
        CancellationToken ct)
    {
        await mediator.Send(new DeleteWebhookEndpoint(workspaceId, endpointId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WebhookEndpointDto>> RotateWebhookSecretAsync(Guid workspaceId, Guid endpointId, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RotateWebhookSecret(workspaceId, endpointId), ct));

    private static async Task<Accepted<WebhookTestDto>> SendTestWebhookAsync(Guid workspaceId, Guid endpointId, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Accepted((string?)null, await mediator.Send(new SendTestWebhook(workspaceId, endpointId), ct));

    private static async Task<Ok<CursorPage<WebhookDeliveryDto>>> ListWebhookDeliveriesAsync(Guid workspaceId, Guid endpointId, int? limit,
        string? cursor, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListWebhookDeliveries(workspaceId, endpointId, Paging.LimitOrDefault(limit), cursor), ct));

    private static async Task<Accepted> RedeliverWebhookAsync(Guid workspaceId, Guid endpointId, Guid deliveryId, IMediator mediator,
        CancellationToken ct)
    {
        await mediator.Send(new RedeliverWebhook(workspaceId, endpointId, deliveryId), ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Accepted<RedeliveryDto>> RedeliverFailedWebhooksAsync(Guid workspaceId, Guid endpointId, DateTimeOffset? since,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, await mediator.Send(new RedeliverFailedWebhooks(workspaceId, endpointId, since), ct));
}
