using System.Text;
using IaGenify.Api.Errors;
using Microsoft.Net.Http.Headers;

namespace IaGenify.Api.Http;

/// <summary>
/// Answers 415 for a body whose <c>charset</c> no encoding of the runtime matches, before anything reads it: the
/// framework's JSON reader throws an <see cref="InvalidOperationException"/> for it (a 500 otherwise), on every route.
/// </summary>
internal sealed class BodyCharsetGuardMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var contentType = http.Request.ContentType;
        if (contentType is null || !contentType.Contains("charset", StringComparison.OrdinalIgnoreCase) || IsKnown(contentType))
            return next(http);
        return ProblemWriter.WriteAsync(http, ProblemWriter.Create(http, 415, "unsupported_media_type",
            "The request body's charset is not one this API can read; send it in UTF-8.")).AsTask();
    }

    private static bool IsKnown(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || type.Charset.Length == 0)
            return true;
        try
        {
            Encoding.GetEncoding(type.Charset.ToString().Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
