using IaGenify.Api.Errors;

namespace IaGenify.Api.Http;

/// <summary>
/// Refuses a query string carrying an encoded NUL (<c>%00</c>) before anything binds it: PostgreSQL cannot compare
/// or store such text, and no parameter of this API can legitimately contain it.
/// </summary>
internal sealed class QueryStringGuardMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (http.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) != true)
            return next(http);
        return ProblemWriter.WriteAsync(http, ProblemWriter.Create(http, 400, "validation_failed", "One or more fields are invalid.",
            new Dictionary<string, string[]> { ["query"] = ["The query string must not contain NUL characters."] })).AsTask();
    }
}
