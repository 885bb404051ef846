using IaGenify.Infrastructure.Email;

namespace IaGenify.Api.Endpoints;

/// <summary>Development-only helpers; they are not mapped in any other environment.</summary>
internal static class DevEndpoints
{
    public static IEndpointRouteBuilder MapDevEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/mail", (CapturingEmailSender mail) => TypedResults.Ok(mail.Sent.Reverse()))
            .WithTags("Development");
        return app;
    }
}
