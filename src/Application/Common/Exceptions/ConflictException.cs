using IaGenify.Domain.Common;

namespace IaGenify.Application.Common.Exceptions;

/// <summary>The request would duplicate an existing object or lost a race with a concurrent change.</summary>
public sealed class ConflictException(string code, string message) : DomainException(code, message);
