using IaGenify.Domain.Common;

namespace IaGenify.Application.Common.Exceptions;

/// <summary>The content is not of a type the endpoint accepts (→ 415).</summary>
public sealed class UnsupportedMediaTypeException(string message) : DomainException("unsupported_media_type", message);
