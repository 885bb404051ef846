using IaGenify.Domain.Common;

namespace IaGenify.Application.Common.Exceptions;

/// <summary>An idempotency key came back with a different request than the one it first identified.</summary>
public sealed class IdempotencyKeyReusedException(string message = "This Idempotency-Key was already used for a different request.")
    : DomainException("idempotency_key_reused", message);
