using System.Text.Json.Serialization;

namespace IaGenify.Api.Tests.Support;

/// <summary>
/// The RFC 9457 problem document every error answers with (see the Api's <c>ProblemWriter</c> and
/// <c>ApiExceptionHandler</c>): the standard members, the <c>code</c> and <c>traceId</c> every problem carries, and the
/// extensions of the 402 refusals. The one place the tests spell the problem's wire names.
/// </summary>
public sealed record ApiProblem(
    string? Type,
    string? Title,
    int Status,
    string? Detail,
    string? Code,
    string? TraceId,
    IReadOnlyDictionary<string, string[]>? Errors,
    long? Required,
    long? Available,
    string? Plan,
    string? Entitlement,
    int? Limit)
{
    /// <summary>The document as sent, for assertions about what it must never contain.</summary>
    [JsonIgnore]
    public string RawText { get; init; } = "";

    /// <summary>The request fields a validation problem names, in the order the API wrote them.</summary>
    public IReadOnlyList<string> ErrorFields() =>
        Errors?.Keys.ToList() ?? throw new InvalidOperationException($"The {Status} problem '{Code}' has no errors member.");
}
