using IaGenify.Api.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace IaGenify.Api.Http;

/// <summary>
/// Enforces a request body limit per endpoint (<see cref="IRequestSizeLimitMetadata"/>, default
/// <c>Http:MaxRequestBodyBytes</c>): a declared length over the limit is refused before reading, and the server
/// stops reading a streamed body at the limit.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IConfiguration configuration)
{
    private readonly long _defaultLimit = configuration.GetValue("Http:MaxRequestBodyBytes", 1_048_576L);

    public Task InvokeAsync(HttpContext http)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? _defaultLimit;
        if (http.Request.ContentLength > limit)
            return ProblemWriter.WriteAsync(http, ProblemWriter.Create(http, 413, "body_too_large",
                $"The request body is larger than the {limit} bytes this endpoint accepts.")).AsTask();
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        return next(http);
    }
}
