namespace IaGenify.Domain.Common;

/// <summary>The object does not exist, or the caller may not know that it exists.</summary>
public sealed class NotFoundException(string what) : DomainException("not_found", $"{what} was not found.");
