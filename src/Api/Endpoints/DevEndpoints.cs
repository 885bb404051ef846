using IaGenify.Api.Http;
using IaGenify.Infrastructure.Email;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

/// <summary>Development-only helpers; they are not mapped in any other environment.</summary>
internal static class DevEndpoints
{
    public static IEndpointRouteBuilder MapDevEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/mail", ListCapturedMail).WithTags("Development").AllowAnonymous()
            .WithName("ListCapturedMail").WithSummary("Emails captured by the development sender, newest first.")
            .ProducesProblems(429);
        return app;
    }

    private static Ok<IEnumerable<CapturedEmail>> ListCapturedMail(CapturingEmailSender mail) => TypedResults.Ok(mail.Sent.Reverse());
}
