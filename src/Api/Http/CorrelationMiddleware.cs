using System.Diagnostics;
using IaGenify.Application.Common.Observability;

namespace IaGenify.Api.Http;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Correlation-Id</c> when it is well formed, otherwise the
/// trace id. It is echoed on the response (errors included), tagged on the trace and put in the log scope, next to
/// the trace id that every log line carries.
/// </summary>
internal sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext http)
    {
        var correlationId = Accept(http.Request.Headers[Header].ToString())
            ?? Activity.Current?.TraceId.ToHexString()
            ?? http.TraceIdentifier;
        // Set when the response starts: the exception handler clears headers set earlier.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = correlationId;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("correlation.id", correlationId);
        using (logger.BeginScope(new LogScope("CorrelationId", correlationId)))
            await next(http);
    }

    /// <summary>Only ids that are safe to echo and to log (no spaces, control characters or markup), up to 128 characters.</summary>
    public static string? Accept(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && candidate.Length <= MaxLength
        && candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
            ? candidate
            : null;
}
