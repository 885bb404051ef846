using IaGenify.Domain.Common;

namespace IaGenify.Application.Common.Exceptions;

/// <summary>An Idempotency-Key already used for a different request: replaying the first answer would be wrong.</summary>
public sealed class IdempotencyKeyReusedException(
    string message = "This Idempotency-Key was already used with a different request. Use a new key for a new request.")
    : DomainException("idempotency_key_reused", message);
