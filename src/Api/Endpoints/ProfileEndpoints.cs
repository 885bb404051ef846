using IaGenify.Api.Http;
using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Commands.ChangePassword;
using IaGenify.Application.Identity.Commands.ConfirmEmailChange;
using IaGenify.Application.Identity.Commands.RequestEmailChange;
using IaGenify.Application.Identity.Commands.UpdateProfile;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

/// <summary>The caller's own profile, password and email address.</summary>
internal static class ProfileEndpoints
{
    public sealed record ProfileBody(string DisplayName);

    public static IEndpointRouteBuilder MapProfileEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Me");
        me.MapPatch("", UpdateProfile)
            .ProducesProblems(413, 415, 429).WithName("UpdateProfile").WithSummary("Change the caller's display name.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        me.MapPost("/password", ChangePassword)
            .ProducesProblems(413, 415).WithName("ChangePassword")
            .WithSummary("Change the caller's password; every other session is signed out and a notice is emailed.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);
        me.MapPost("/email", RequestEmailChange)
            .ProducesProblems(413, 415).WithName("RequestEmailChange")
            .WithSummary("Ask to move the account to another address; the change happens when the link sent there is opened.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409).ProducesProblem(429);

        app.MapGroup("/api/v1/auth").WithTags("Auth").RequireRateLimiting(RateLimitSetup.AuthPolicy)
            .MapPost("/confirm-email-change", ConfirmEmailChange)
            .ProducesProblems(401, 413, 415).WithName("ConfirmEmailChange")
            .WithSummary("Confirm an email change with the token sent to the new address; the previous address is notified.")
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(429);
        return app;
    }

    private static async Task<Ok<UserDto>> UpdateProfile(ProfileBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateProfile(body.DisplayName), ct));

    private static async Task<NoContent> ChangePassword(ChangePassword command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted> RequestEmailChange(RequestEmailChange command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<NoContent> ConfirmEmailChange(ConfirmEmailChange command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.NoContent();
    }
}
