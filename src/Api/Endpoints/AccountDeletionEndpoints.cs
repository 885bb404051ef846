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
        app.MapDelete("/api/v1/me", async Task<NoContent> ([FromBody] DeleteAccountBody body, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteMyAccount(body.Password), ct);
            return TypedResults.NoContent();
        }).WithTags("Me");

        app.MapDelete("/api/v1/admin/users/{userId:guid}", async Task<NoContent> (Guid userId, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteUserAccount(userId), ct);
            return TypedResults.NoContent();
        }).WithTags("Admin");
        return app;
    }
}
