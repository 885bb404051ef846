using IaGenify.Api.Http;
using IaGenify.Application.Identity.Commands.RevokeOtherSessions;
using IaGenify.Application.Identity.Commands.RevokeSession;
using IaGenify.Application.Identity.Queries.ListSessions;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

/// <summary>The caller's sessions (refresh-token families): where they are signed in, and signing those out.</summary>
internal static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/api/v1/me/sessions").WithTags("Me");
        sessions.MapGet("", ListSessions)
            .ProducesProblems(429).WithName("ListSessions").WithSummary("List the caller's live sessions; the one sending the request is marked current.")
            .ProducesProblem(401).ProducesProblem(403);
        sessions.MapDelete("/{sessionId:guid}", RevokeSession)
            .ProducesProblems(429).WithName("RevokeSession").WithSummary("Sign one session out: its refresh token stops working at once.")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        sessions.MapDelete("", RevokeOtherSessions)
            .ProducesProblems(429).WithName("RevokeOtherSessions").WithSummary("Sign out every session except the current one.")
            .ProducesProblem(401).ProducesProblem(403);
        return app;
    }

    private static async Task<Ok<SessionList>> ListSessions(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListSessions(), ct));

    private static async Task<NoContent> RevokeSession(Guid sessionId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RevokeSession(sessionId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RevokeOtherSessions(IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RevokeOtherSessions(), ct);
        return TypedResults.NoContent();
    }
}
