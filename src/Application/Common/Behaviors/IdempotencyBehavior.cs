using System.Text.Json;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Idempotency;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Observability;
using IaGenify.Application.Common.Security;
using MediatR;

namespace IaGenify.Application.Common.Behaviors;

/// <summary>
/// Innermost behavior: a command sent with an Idempotency-Key runs at most once per key in its scope. A retry with
/// the same request gets the first response; with another request, 422; while the first is still running, 409.
/// It runs after authorization, so nobody is ever answered from a scope they may not act in.
/// </summary>
public sealed class IdempotencyBehavior<TRequest, TResponse>(
    IdempotencyContext idempotency,
    RequestContext context,
    IIdempotencyStore store,
    IaGenifyMetrics metrics)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool Applies = PipelinePlans.IdempotencyApplies(typeof(TRequest));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (idempotency.Take() is not { } key || !Applies || ScopeOf(context) is not { } scope)
            return await next();

        await using var claim = await store.ClaimAsync(
            new IdempotencyRequest(scope, key, typeof(TRequest).Name, RequestFingerprint.Of(request!)), cancellationToken);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.InFlight:
                metrics.IdempotentRequest("in_flight");
                throw new ConflictException("idempotency_key_in_flight",
                    "A request with this Idempotency-Key is still being processed. Retry once it has finished.");
            case IdempotencyOutcome.Mismatch:
                metrics.IdempotentRequest("mismatch");
                throw new IdempotencyKeyReusedException();
            case IdempotencyOutcome.Replay:
                metrics.IdempotentRequest("replayed");
                idempotency.MarkReplayed();
                return JsonSerializer.Deserialize<TResponse>(claim.StoredResponse!, IdempotencyJson.Options)!;
        }

        var response = await next();
        await claim.CompleteAsync(JsonSerializer.Serialize(response, IdempotencyJson.Options), cancellationToken);
        metrics.IdempotentRequest("executed");
        return response;
    }

    /// <summary>Keys are shared by a workspace; outside a workspace each principal has its own. Anonymous callers have none.</summary>
    private static string? ScopeOf(RequestContext context) => context.WorkspaceId is { } workspaceId
        ? $"workspace:{workspaceId:N}"
        : context.Principal.Kind switch
        {
            PrincipalKind.User => $"user:{context.Principal.UserId:N}",
            PrincipalKind.ApiKey => $"api_key:{context.Principal.ApiKeyId:N}",
            PrincipalKind.System => "system",
            _ => null,
        };
}
