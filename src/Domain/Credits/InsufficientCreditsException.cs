using IaGenify.Domain.Common;

namespace IaGenify.Domain.Credits;

public sealed class InsufficientCreditsException(long required, long available)
    : DomainException("insufficient_credits", $"This needs {required} credits but only {available} are available.")
{
    public long Required { get; } = required;
    public long Available { get; } = available;
}
