namespace IaGenify.Domain.Credits;

/// <summary>
/// Default burn-down priority per source: lower numbers are spent first. Free credits go before the monthly
/// allowance, which goes before credits the customer paid for.
/// </summary>
public static class GrantPriorities
{
    public static int DefaultFor(GrantSource source) => source switch
    {
        GrantSource.Welcome or GrantSource.Promotion => 10,
        GrantSource.PlanAllowance => 20,
        GrantSource.ManualAdjustment => 30,
        GrantSource.Purchase => 40,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown grant source."),
    };
}
