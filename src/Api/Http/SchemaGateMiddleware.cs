using IaGenify.Api.Errors;
using IaGenify.Infrastructure.Persistence;

namespace IaGenify.Api.Http;

/// <summary>
/// A process whose database lags its code (migrations pending) answers 503 to everything but health and metrics,
/// instead of failing request by request on missing tables or columns. Free once the schema is current.
/// </summary>
internal sealed class SchemaGateMiddleware(RequestDelegate next, SchemaStatus schema)
{
    // Once the schema is known current (every request after the first few), the request passes straight on.
    public Task InvokeAsync(HttpContext http) => schema.IsKnownCurrent ? next(http) : GateAsync(http);

    private async Task GateAsync(HttpContext http)
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
