using IaGenify.Domain.Common;

namespace IaGenify.Application.Common.Exceptions;

/// <summary>The request is malformed; <see cref="Errors"/> maps each offending field (camelCase) to its messages.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("validation_failed", "One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
