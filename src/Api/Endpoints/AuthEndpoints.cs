using IaGenify.Api.Http;
using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Commands.ForgotPassword;
using IaGenify.Application.Identity.Commands.Login;
using IaGenify.Application.Identity.Commands.Logout;
using IaGenify.Application.Identity.Commands.RefreshSession;
using IaGenify.Application.Identity.Commands.Register;
using IaGenify.Application.Identity.Commands.ResendVerificationEmail;
using IaGenify.Application.Identity.Commands.ResetPassword;
using IaGenify.Application.Identity.Commands.VerifyEmail;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth").RequireRateLimiting(RateLimitSetup.AuthPolicy);

        auth.MapPost("/register", async Task<Created<AuthResponse>> (Register command, IMediator mediator, CancellationToken ct) =>
            TypedResults.Created("/api/v1/me", await mediator.Send(command, ct)));

        auth.MapPost("/login", async Task<Results<Ok<AuthResponse>, Ok<MfaChallenge>>> (Login command, IMediator mediator, CancellationToken ct) =>
        {
            var result = await mediator.Send(command, ct);
            return result.Session is { } session ? TypedResults.Ok(session) : TypedResults.Ok(result.Challenge!);
        });

        auth.MapPost("/refresh", async Task<Ok<AuthResponse>> (RefreshSession command, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(command, ct)));

        auth.MapPost("/logout", async Task<NoContent> (Logout command, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(command, ct);
            return TypedResults.NoContent();
        });

        auth.MapPost("/verify-email", async Task<NoContent> (VerifyEmail command, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(command, ct);
            return TypedResults.NoContent();
        });

        auth.MapPost("/resend-verification", async Task<Accepted> (IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new ResendVerificationEmail(), ct);
            return TypedResults.Accepted((string?)null);
        });

        auth.MapPost("/forgot-password", async Task<Accepted> (ForgotPassword command, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(command, ct);
            return TypedResults.Accepted((string?)null);
        });

        auth.MapPost("/reset-password", async Task<NoContent> (ResetPassword command, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(command, ct);
            return TypedResults.NoContent();
        });
        return app;
    }
}
