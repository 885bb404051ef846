using IaGenify.Api.Http;
using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Commands.BeginTotpEnrolment;
using IaGenify.Application.Identity.Commands.ConfirmTotpEnrolment;
using IaGenify.Application.Identity.Commands.DisableTotp;
using IaGenify.Application.Identity.Commands.LoginWithMfa;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IaGenify.Api.Endpoints;

/// <summary>Two-factor authentication (TOTP): enrolment, turning it off, and the second sign-in step.</summary>
internal static class MfaEndpoints
{
    public sealed record CodeBody(string Code);

    public sealed record DisableTotpBody(string Password, string Code);

    public static IEndpointRouteBuilder MapMfaEndpoints(this IEndpointRouteBuilder app)
    {
        var totp = app.MapGroup("/api/v1/me/mfa/totp").WithTags("Me");
        totp.MapPost("", BeginEnrolment)
            .ProducesProblems(429).WithName("BeginTotpEnrolment")
            .WithSummary("Start two-factor enrolment: a new secret and its otpauth URI, pending until a code confirms it.")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
        totp.MapPost("/confirm", ConfirmEnrolment)
            .ProducesProblems(413, 415, 429).WithName("ConfirmTotpEnrolment")
            .WithSummary("Turn two-factor authentication on with a first code; answers ten single-use recovery codes, shown once.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
        totp.MapDelete("", Disable)
            .ProducesProblems(413, 415).WithName("DisableTotp").WithSummary("Turn two-factor authentication off, confirmed by the password and a code.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409).ProducesProblem(429);

        app.MapGroup("/api/v1/auth").WithTags("Auth").RequireRateLimiting(RateLimitSetup.AuthPolicy)
            .MapPost("/login/mfa", LoginWithMfa)
            .ProducesProblems(413, 415).WithName("LoginWithMfa")
            .WithSummary("Finish a sign-in that answered mfaRequired: the mfaToken with a code or a recovery code.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(429).RefusesSuspendedAccounts();
        return app;
    }

    private static async Task<Ok<TotpEnrolmentDto>> BeginEnrolment(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new BeginTotpEnrolment(), ct));

    private static async Task<Ok<RecoveryCodesDto>> ConfirmEnrolment(CodeBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ConfirmTotpEnrolment(body.Code), ct));

    private static async Task<NoContent> Disable([FromBody] DisableTotpBody body, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DisableTotp(body.Password, body.Code), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AuthResponse>> LoginWithMfa(LoginWithMfa command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));
}
