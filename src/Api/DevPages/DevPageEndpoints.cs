namespace IaGenify.Api.DevPages;

/// <summary>
/// In Development only, stand-ins for the three frontend pages the account emails link to (see "Frontend routes" in
/// the README), so that verifying an email, resetting a password and accepting an invitation can be tried by hand
/// with the links of <c>/dev/mail</c>. They are HTML, not API operations, so they stay out of the OpenAPI document.
/// </summary>
internal static class DevPageEndpoints
{
    public static IEndpointRouteBuilder MapDevPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithTags("Development").AllowAnonymous().ExcludeFromDescription();
        pages.MapGet(VerifyEmailPage.Route, VerifyEmail).WithName("DevVerifyEmailPage");
        pages.MapGet(ResetPasswordPage.Route, ResetPassword).WithName("DevResetPasswordPage");
        pages.MapGet(AcceptInvitationPage.Route, AcceptInvitation).WithName("DevAcceptInvitationPage");
        return app;
    }

    private static IResult VerifyEmail(HttpContext http) =>
        DevPage.Render(http, VerifyEmailPage.Title, VerifyEmailPage.Body, VerifyEmailPage.Script);

    private static IResult ResetPassword(HttpContext http) =>
        DevPage.Render(http, ResetPasswordPage.Title, ResetPasswordPage.Body, ResetPasswordPage.Script);

    private static IResult AcceptInvitation(HttpContext http) =>
        DevPage.Render(http, AcceptInvitationPage.Title, AcceptInvitationPage.Body, AcceptInvitationPage.Script);
}
