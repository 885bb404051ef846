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

        auth.MapPost("/register", RegisterAsync).AllowAnonymous()
            .WithName("Register").WithSummary("Create an account and sign in.")
            .ProducesProblems(400, 409, 413, 415, 429);
        auth.MapPost("/login", LoginAsync).AllowAnonymous()
            .WithName("Login").WithSummary("Sign in with email and password.")
            .ProducesProblems(400, 401, 413, 415, 429)
            .RefusesSuspendedAccounts();
        auth.MapPost("/refresh", RefreshSessionAsync).AllowAnonymous()
            .WithName("RefreshSession").WithSummary("Exchange a refresh token for a new token pair (the old one is spent).")
            .ProducesProblems(400, 401, 413, 415, 429)
            .RefusesSuspendedAccounts();
        auth.MapPost("/logout", LogoutAsync).AllowAnonymous()
            .WithName("Logout").WithSummary("Revoke a refresh token.")
            .ProducesProblems(400, 413, 415, 429);
        auth.MapPost("/verify-email", VerifyEmailAsync).AllowAnonymous()
            .WithName("VerifyEmail").WithSummary("Confirm an email address with the token from the verification email.")
            .ProducesProblems(400, 413, 415, 429);
        auth.MapPost("/resend-verification", ResendVerificationEmailAsync)
            .WithName("ResendVerificationEmail").WithSummary("Send the signed-in user's verification email again.")
            .ProducesProblems(401, 404, 409, 429);
        auth.MapPost("/forgot-password", ForgotPasswordAsync).AllowAnonymous()
            .WithName("ForgotPassword").WithSummary("Email a password reset link, if the address has an account.")
            .ProducesProblems(400, 413, 415, 429);
        auth.MapPost("/reset-password", ResetPasswordAsync).AllowAnonymous()
            .WithName("ResetPassword").WithSummary("Set a new password with the token from the reset email.")
            .ProducesProblems(400, 413, 415, 429)
            .RefusesSuspendedAccounts();
        return app;
    }

    private static async Task<Created<AuthResponse>> RegisterAsync(Register command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Created("/api/v1/me", await mediator.Send(command, ct));

    private static async Task<Results<Ok<AuthResponse>, Ok<MfaChallenge>>> LoginAsync(Login command, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        return result.Session is { } session ? TypedResults.Ok(session) : TypedResults.Ok(result.Challenge!);
    }

    private static async Task<Ok<AuthResponse>> RefreshSessionAsync(RefreshSession command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));

    private static async Task<NoContent> LogoutAsync(Logout command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> VerifyEmailAsync(VerifyEmail command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted> ResendVerificationEmailAsync(IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new ResendVerificationEmail(), ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Accepted> ForgotPasswordAsync(ForgotPassword command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<NoContent> ResetPasswordAsync(ResetPassword command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.NoContent();
    }
}
