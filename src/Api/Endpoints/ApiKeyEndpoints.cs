using IaGenify.Api.Http;
using IaGenify.Application.ApiKeys;
using IaGenify.Application.ApiKeys.Commands.CreateApiKey;
using IaGenify.Application.ApiKeys.Commands.RevokeApiKey;
using IaGenify.Application.ApiKeys.Queries.ListApiKeys;
using IaGenify.Application.Common.Paging;
using IaGenify.Domain.Workspaces;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

/// <summary>
/// API keys for automation clients. Creation deliberately does not take an Idempotency-Key: its answer holds the
/// secret, which must never be stored for replay (docs/decisions.md).
/// </summary>
internal static class ApiKeyEndpoints
{
    public sealed record ApiKeyBody(string Name, Role Role, DateTimeOffset? ExpiresAt);

    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var apiKeys = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/api-keys").WithTags("API keys");

        apiKeys.MapPost("", CreateApiKeyAsync)
            .WithName("CreateApiKey").WithSummary("Create an API key; the answer holds the key, shown this once.")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 423, 429);
        apiKeys.MapGet("", ListApiKeysAsync)
            .WithName("ListApiKeys").WithSummary("The API keys of a workspace (never their secrets).")
            .ProducesProblems(400, 401, 402, 403, 404, 429);
        apiKeys.MapDelete("/{apiKeyId:guid}", RevokeApiKeyAsync)
            .WithName("RevokeApiKey").WithSummary("Revoke an API key at once.")
            .ProducesProblems(401, 402, 403, 404, 423, 429);
        return app;
    }

    private static async Task<Created<CreatedApiKeyDto>> CreateApiKeyAsync(Guid workspaceId, ApiKeyBody body, IMediator mediator,
        CancellationToken ct)
    {
        var created = await mediator.Send(new CreateApiKey(workspaceId, body.Name, body.Role, body.ExpiresAt), ct);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/api-keys/{created.Id}", created);
    }

    private static async Task<Ok<CursorPage<ApiKeyDto>>> ListApiKeysAsync(Guid workspaceId, int? limit, string? cursor, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListApiKeys(workspaceId, Paging.LimitOrDefault(limit), cursor), ct));

    private static async Task<NoContent> RevokeApiKeyAsync(Guid workspaceId, Guid apiKeyId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RevokeApiKey(workspaceId, apiKeyId), ct);
        return TypedResults.NoContent();
    }
}
