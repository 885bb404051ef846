namespace IaGenify.Api.Http;

/// <summary>
/// <c>.RefusesSuspendedAccounts()</c>: the route answers 403 <c>account_suspended</c> to an account platform staff
/// suspended. The OpenAPI document names the code on that response, so a client knows to tell the user to contact support
/// rather than to retry.
/// </summary>
internal static class AccountSuspendedResponses
{
    public const string Description = "Forbidden. `account_suspended`: platform staff suspended this account; contact support.";

    public static RouteHandlerBuilder RefusesSuspendedAccounts(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status403Forbidden).WithMetadata(new Marker());

    public sealed class Marker;
}
