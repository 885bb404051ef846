using IaGenify.Api.Http;
using IaGenify.Application.Admin.Commands.DeleteUserAccount;
using IaGenify.Application.Identity.Commands.DeleteMyAccount;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IaGenify.Api.Endpoints;

/// <summary>GDPR erasure: by the account holder (confirmed with the password) or by platform staff.</summary>
internal static class AccountDeletionEndpoints
{
    public sealed record DeleteAccountBody(string Password);

    public static IEndpointRouteBuilder MapAccountDeletionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/v1/me", DeleteMyAccountAsync).WithTags("Me")
            .WithName("DeleteMyAccount").WithSummary("Erase the caller's account, confirmed with their password.")
            .ProducesProblems(400, 401, 404, 409, 413, 415, 429);
        app.MapDelete("/api/v1/admin/users/{userId:guid}", DeleteUserAccountAsync).WithTags("Admin")
            .WithName("DeleteUserAccount").WithSummary("Erase a user's account (staff).")
            .ProducesProblems(401, 403, 404, 409, 429);
        return app;
    }

    private static async Task<NoContent> DeleteMyAccountAsync([FromBody] DeleteAccountBody body, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteMyAccount(body.Password), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeleteUserAccountAsync(Guid userId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteUserAccount(userId), ct);
        return TypedResults.NoContent();
    }
}
