using IaGenify.Application.Common.Paging;
using IaGenify.Application.Webhooks;
using IaGenify.Application.Webhooks.Commands.CreateWebhookEndpoint;
using IaGenify.Application.Webhooks.Commands.DeleteWebhookEndpoint;
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

        endpoints.MapPost("", async Task<Created<WebhookEndpointDto>> (Guid workspaceId, CreateWebhookEndpointBody body,
            IMediator mediator, CancellationToken ct) =>
        {
            var endpoint = await mediator.Send(new CreateWebhookEndpoint(workspaceId, body.Url, body.Description, body.EventTypes), ct);
            return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/webhook-endpoints/{endpoint.Id}", endpoint);
        });

        endpoints.MapGet("", async Task<Ok<CursorPage<WebhookEndpointDto>>> (Guid workspaceId, int? limit, string? cursor,
            IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListWebhookEndpoints(workspaceId, Paging.LimitOrDefault(limit), cursor), ct)));

        endpoints.MapGet("/{endpointId:guid}", async Task<Ok<WebhookEndpointDto>> (Guid workspaceId, Guid endpointId,
            IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetWebhookEndpoint(workspaceId, endpointId), ct)));

        endpoints.MapPatch("/{endpointId:guid}", async Task<Ok<WebhookEndpointDto>> (Guid workspaceId, Guid endpointId,
            UpdateWebhookEndpointBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdateWebhookEndpoint(workspaceId, endpointId, body.Url, body.Description,
                body.EventTypes, body.Enabled), ct)));

        endpoints.MapDelete("/{endpointId:guid}", async Task<NoContent> (Guid workspaceId, Guid endpointId,
            IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteWebhookEndpoint(workspaceId, endpointId), ct);
            return TypedResults.NoContent();
        });

        endpoints.MapPost("/{endpointId:guid}/rotate-secret", async Task<Ok<WebhookEndpointDto>> (Guid workspaceId, Guid endpointId,
            IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new RotateWebhookSecret(workspaceId, endpointId), ct)));

        endpoints.MapPost("/{endpointId:guid}/test", async Task<Accepted<WebhookTestDto>> (Guid workspaceId, Guid endpointId,
            IMediator mediator, CancellationToken ct) =>
            TypedResults.Accepted((string?)null, await mediator.Send(new SendTestWebhook(workspaceId, endpointId), ct)));

        endpoints.MapGet("/{endpointId:guid}/deliveries", async Task<Ok<CursorPage<WebhookDeliveryDto>>> (Guid workspaceId,
            Guid endpointId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListWebhookDeliveries(workspaceId, endpointId, Paging.LimitOrDefault(limit), cursor), ct)));
        return app;
    }
}
