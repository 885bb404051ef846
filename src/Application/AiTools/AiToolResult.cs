using System.Text.Json;

namespace IaGenify.Application.AiTools;

/// <summary>
/// What a call answered: the request's DTO as JSON, or, when <see cref="IsError"/>, an <c>error</c> object with a
/// stable <c>code</c> (<c>permission_denied</c>, <c>not_found</c>, <c>insufficient_credits</c> with
/// <c>required</c>/<c>available</c>, <c>validation_failed</c> with <c>errors</c>…) and never any data.
/// </summary>
public sealed record AiToolResult(string Tool, bool IsError, string Outcome, JsonElement Content)
{
    public const string Succeeded = "succeeded";

    public string? ErrorCode => IsError ? Outcome : null;
}
