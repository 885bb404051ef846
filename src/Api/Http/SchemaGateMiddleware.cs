using IaGenify.Api.Errors;
using IaGenify.Infrastructure.Persistence;

namespace IaGenify.Api.Http;

/// <summary>
/// A process whose database lags its code (migrations pending) answers 503 to everything but health and metrics,
/// instead of failing request by request on missing tables or columns. Free once the schema is current.
/// </summary>
internal sealed class SchemaGateMiddleware(RequestDelegate next, SchemaStatus schema)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments("/metrics")
            || await schema.IsCurrentAsync(http.RequestAborted))
        {
            await next(http);
            return;
        }
        http.Response.Headers.RetryAfter = "5";
        await ProblemWriter.WriteAsync(http, ProblemWriter.Create(http, 503, "schema_pending",
            "The service is starting: its database is not migrated to this version yet."));
    }
}
