using IaGenify.Domain.Common;

namespace IaGenify.Application.Common.Exceptions;

/// <summary>The content is larger than allowed (→ 413).</summary>
public sealed class PayloadTooLargeException(string message) : DomainException("payload_too_large", message);
