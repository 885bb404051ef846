using IaGenify.Domain.Common;

namespace IaGenify.Application.Common.Exceptions;

/// <summary>A feature depends on something this deployment has not configured or cannot reach right now (→ 503).</summary>
public sealed class ServiceUnavailableException(string code, string message) : DomainException(code, message);
