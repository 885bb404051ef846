namespace IaGenify.Domain.Common;

/// <summary>A rule of the domain was broken. <see cref="Code"/> is stable and machine-readable.</summary>
public abstract class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
