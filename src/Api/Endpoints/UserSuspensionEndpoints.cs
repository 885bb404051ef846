using IaGenify.Api.Http;
using IaGenify.Application.Admin;
using IaGenify.Application.Admin.Commands.SuspendUser;
using IaGenify.Application.Admin.Commands.UnsuspendUser;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

/// <summary>Platform staff keep an account out of the platform, and let it back in.</summary>
internal static class UserSuspensionEndpoints
{
    public static IEndpointRouteBuilder MapUserSuspensionEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/admin/users").WithTags("Admin");

        users.MapPost("/{userId:guid}/suspend", SuspendUserAsync)
            .WithName("SuspendUser")
            .WithSummary("Suspend an account, with a reason: its sessions end, it cannot sign in and its API keys stop (staff).")
            .ProducesProblems(400, 401, 403, 404, 409, 413, 415, 429);
        users.MapPost("/{userId:guid}/unsuspend", UnsuspendUserAsync)
            .WithName("UnsuspendUser").WithSummary("Lift an account's suspension: the user can sign in again (staff).")
            .ProducesProblems(401, 403, 404, 409, 429);
        return app;
    }

    private static async Task<Ok<AdminUserDto>> SuspendUserAsync(Guid userId, AdminEndpoints.SuspensionBody body, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SuspendUser(userId, body.Reason), ct));

    private static async Task<Ok<AdminUserDto>> UnsuspendUserAsync(Guid userId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UnsuspendUser(userId), ct));
}
