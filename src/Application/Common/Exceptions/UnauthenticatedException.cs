using IaGenify.Domain.Common;

namespace IaGenify.Application.Common.Exceptions;

public sealed class UnauthenticatedException(string message = "Authentication is required.")
    : DomainException("unauthenticated", message);
