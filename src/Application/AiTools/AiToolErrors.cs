using System.Text.Json;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Domain.Common;
using IaGenify.Domain.Credits;

namespace IaGenify.Application.AiTools;

/// <summary>Turns what a request threw into a tool error, with the same codes and extras as the REST problem details.</summary>
internal static class AiToolErrors
{
    public const string UnknownTool = "unknown_tool";
    public const string InternalError = "internal_error";

    public static AiToolResult From(string tool, DomainException exception)
    {
        var error = new Dictionary<string, object?> { ["code"] = exception.Code, ["message"] = exception.Message };
        switch (exception)
        {
            case InsufficientCreditsException insufficient:
                error["required"] = insufficient.Required;
                error["available"] = insufficient.Available;
                break;
            case PlanLimitException planLimit:
                error["plan"] = planLimit.Plan;
                error["entitlement"] = planLimit.Entitlement;
                error["limit"] = planLimit.Limit;
                break;
            case RequestValidationException validation:
                error["errors"] = validation.Errors;
                break;
            case InvalidFieldException invalid:
                error["errors"] = new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] };
                break;
        }
        return Error(tool, exception.Code, error);
    }

    /// <summary>Arguments that are not valid JSON for the request (wrong type, unknown field).</summary>
    public static AiToolResult InvalidArguments(string tool, JsonException exception)
    {
        var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "arguments";
        return From(tool, RequestValidationException.For(field, "This argument is unknown or has the wrong type or format."));
    }

    public static AiToolResult Unknown(string tool) =>
        Error(tool, UnknownTool, new Dictionary<string, object?> { ["code"] = UnknownTool, ["message"] = "There is no such tool." });

    public static AiToolResult Internal(string tool) =>
        Error(tool, InternalError, new Dictionary<string, object?>
        {
            ["code"] = InternalError,
            ["message"] = "Something went wrong on our side; the call may be retried.",
        });

    private static AiToolResult Error(string tool, string code, Dictionary<string, object?> error) =>
        new(tool, IsError: true, code, JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["error"] = error }, AiToolJson.Options));
}
