using IaGenify.Application.Common.Exceptions;
using IaGenify.Domain.Common;
using IaGenify.Domain.Credits;
using IaGenify.Domain.Identity;

namespace IaGenify.Api.Errors;

/// <summary>The HTTP status of each kind of domain/application error.</summary>
internal static class ProblemCodes
{
    public static int StatusOf(DomainException exception) => exception switch
    {
        RequestValidationException => StatusCodes.Status400BadRequest,
        UnauthenticatedException => StatusCodes.Status401Unauthorized,
        PermissionDeniedException => StatusCodes.Status403Forbidden,
        // Code account_suspended: platform staff suspended the account; every sign-in path answers it.
        AccountSuspendedException => StatusCodes.Status403Forbidden,
        NotFoundException => StatusCodes.Status404NotFound,
        ConflictException or BusinessRuleException => StatusCodes.Status409Conflict,
        IdempotencyKeyReusedException => StatusCodes.Status422UnprocessableEntity,
        WorkspaceSuspendedException => StatusCodes.Status423Locked,
        TooManyRequestsException => StatusCodes.Status429TooManyRequests,
        InsufficientCreditsException or PlanLimitException => StatusCodes.Status402PaymentRequired,
        ServiceUnavailableException => StatusCodes.Status503ServiceUnavailable,
        UnsupportedMediaTypeException => StatusCodes.Status415UnsupportedMediaType,
        PayloadTooLargeException => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    public static string CodeOf(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        413 => "body_too_large",
        415 => "unsupported_media_type",
        422 => "unprocessable",
        423 => "locked",
        429 => "rate_limited",
        503 => "service_unavailable",
        _ => status >= 500 ? "internal_error" : "error",
    };

    public static string TitleOf(int status) => status switch
    {
        400 => "The request is invalid.",
        401 => "Authentication is required.",
        402 => "Payment required.",
        403 => "You are not allowed to do this.",
        404 => "Not found.",
        405 => "Method not allowed.",
        409 => "Conflict.",
        413 => "The request body is too large.",
        415 => "Unsupported media type.",
        422 => "Unprocessable request.",
        423 => "Locked.",
        429 => "Too many requests.",
        503 => "Service unavailable.",
        _ => "An unexpected error occurred.",
    };
}
