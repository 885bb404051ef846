using IaGenify.Domain.Common;

namespace IaGenify.Application.Common.Exceptions;

public sealed class TooManyRequestsException(TimeSpan retryAfter, string message = "Too many attempts. Try again later.")
    : DomainException("too_many_requests", message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
