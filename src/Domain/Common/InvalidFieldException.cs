namespace IaGenify.Domain.Common;

/// <summary>
/// A value given for <see cref="Field"/> (spelled as clients write it, camelCase) breaks a rule of the domain; it is
/// answered like a request validation failure on that field.
/// </summary>
public sealed class InvalidFieldException(string field, string message) : DomainException("validation_failed", message)
{
    public string Field { get; } = field;
}
