using System.Text.Json;
using System.Text.RegularExpressions;
using IaGenify.Api.Json;
using IaGenify.Application.Common.Behaviors;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Domain.Common;
using IaGenify.Domain.Credits;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace IaGenify.Api.Errors;

/// <summary>
/// Maps every exception to a problem document. Anything a client can send (bad JSON, wrong types, unknown enum
/// values, oversize bodies) ends as a 4xx; only our own faults are 500, and those reveal nothing but a trace id.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (http.Response.HasStarted)
            return false;
        var problem = exception switch
        {
            RequestValidationException validation => ProblemWriter.Create(http, 400, validation.Code, validation.Message, validation.Errors),
            InvalidFieldException invalid => ProblemWriter.Create(http, 400, invalid.Code, "One or more fields are invalid.",
                new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] }),
            TooManyRequestsException tooMany => TooMany(http, tooMany),
            InsufficientCreditsException insufficient => Insufficient(http, insufficient),
            PlanLimitException planLimit => PlanLimit(http, planLimit),
            DomainException domain => ProblemWriter.Create(http, ProblemCodes.StatusOf(domain), domain.Code, domain.Message),
            BadHttpRequestException badRequest => FromBadRequest(http, badRequest),
            // A guard's message names parameters and code, not the client's field: never shown (see Unreadable too).
            ArgumentException => ProblemWriter.Create(http, 400, "invalid_argument", "A value in the request is not acceptable."),
            IOException or InvalidDataException when IsRequestBodyReader(exception) => Unreadable(http),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => null,
            _ => Unexpected(http, exception),
        };
        if (problem is null)
        {
            http.Response.StatusCode = 499;
            return true;
        }
        await ProblemWriter.WriteAsync(http, problem);
        return true;
    }

    private ProblemDetails Unexpected(HttpContext http, Exception exception)
    {
        if (!LoggedExceptions.IsMarked(exception))
            logger.LogError(exception, "Unhandled {ExceptionType} on {Method} {Route}", exception.GetType().Name,
                http.Request.Method, (http.Features.Get<IExceptionHandlerFeature>()?.Endpoint as RouteEndpoint)?.RoutePattern.RawText);
        return ProblemWriter.Create(http, 500, "internal_error", "Something went wrong on our side. Quote the traceId if you contact support.");
    }

    private static ProblemDetails Insufficient(HttpContext http, InsufficientCreditsException exception)
    {
        var problem = ProblemWriter.Create(http, 402, exception.Code, exception.Message);
        problem.Extensions["required"] = exception.Required;
        problem.Extensions["available"] = exception.Available;
        return problem;
    }

    private static ProblemDetails PlanLimit(HttpContext http, PlanLimitException exception)
    {
        var problem = ProblemWriter.Create(http, 402, exception.Code, exception.Message);
        problem.Extensions["plan"] = exception.Plan;
        problem.Extensions["entitlement"] = exception.Entitlement;
        problem.Extensions["limit"] = exception.Limit;
        return problem;
    }

    private static ProblemDetails TooMany(HttpContext http, TooManyRequestsException exception)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(exception.RetryAfter.TotalSeconds)).ToString();
        return ProblemWriter.Create(http, 429, exception.Code, exception.Message);
    }

    private static ProblemDetails FromBadRequest(HttpContext http, BadHttpRequestException exception)
    {
        var status = exception.StatusCode;
        if (status == StatusCodes.Status413PayloadTooLarge)
            return ProblemWriter.Create(http, 413, "body_too_large", "The request body is larger than this endpoint accepts.");
        if (status == StatusCodes.Status415UnsupportedMediaType)
            return ProblemWriter.Create(http, 415, "unsupported_media_type", "Send the body as application/json.");
        if (status != StatusCodes.Status400BadRequest)
            return ProblemWriter.Create(http, status, ProblemCodes.CodeOf(status), "The request could not be accepted.");

        var (field, message) = exception.InnerException switch
        {
            JsonException { Path: { Length: > 1 } path } json when IsConversionError(json)
                => (JsonField(path), "This value has the wrong type or format."),
            JsonException { Path: { Length: > 1 } path, Message: NulFreeStringConverter.Refusal or SafeJsonElementConverter.BrokenText } json
                => (JsonField(path), json.Message),
            JsonException => ("body", "The request body is not valid JSON."),
            _ when ParameterName().Match(exception.Message) is { Success: true } match
                => (match.Groups["name"].Value, "This value has the wrong type or format."),
            _ when exception.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase)
                => ("body", "A JSON body is required."),
            _ => ("request", "The request could not be read."),
        };
        return ProblemWriter.Create(http, 400, "validation_failed", "One or more fields are invalid.",
            new Dictionary<string, string[]> { [field] = [message] });
    }

    /// <summary>
    /// A multipart body whose boundary never comes, or that ends early, fails inside the form reader (an IOException or
    /// InvalidDataException from the framework's body readers). Anything else of those types is ours, and stays a 500.
    /// </summary>
    private static bool IsRequestBodyReader(Exception exception) =>
        exception.Source is "Microsoft.AspNetCore.WebUtilities" or "Microsoft.AspNetCore.Http";

    private static ProblemDetails Unreadable(HttpContext http) =>
        ProblemWriter.Create(http, 400, "validation_failed", "One or more fields are invalid.",
            new Dictionary<string, string[]> { ["body"] = ["The multipart body is malformed or incomplete."] });

    /// <summary>A well-formed document whose value does not fit the field, as opposed to broken JSON.</summary>
    private static bool IsConversionError(JsonException exception) =>
        exception.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);

    /// <summary>"$.items[0].name" → "items[0].name".</summary>
    private static string JsonField(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    [GeneratedRegex("""parameter "[^"]*?(?<name>\w+)" from""")]
    private static partial Regex ParameterName();
}
