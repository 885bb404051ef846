namespace IaGenify.Domain.Analytics;

/// <summary>Whole days, both ends included. At most 400 days, so that a query's cost stays bounded.</summary>
public sealed record AnalyticsRange
{
    public const int MaxDays = 400;

    /// <summary>
    /// The days a client may ask for. Far from them, near year 1 or 9999, the previous period, the day after a range
    /// or a time zone's midnight is not a representable date.
    /// </summary>
    public static readonly DateOnly MinDay = new(2000, 1, 1);

    public static readonly DateOnly MaxDay = new(2999, 12, 31);

    public AnalyticsRange(DateOnly from, DateOnly to)
    {
        if (from > to)
            throw new ArgumentException("The range starts after it ends.", nameof(from));
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            throw new ArgumentException($"A range covers at most {MaxDays} days.", nameof(to));
        From = from;
        To = to;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period of the same length just before this one.</summary>
    public AnalyticsRange Previous() => new(From.AddDays(-Days), From.AddDays(-1));

    public static bool IsValid(DateOnly from, DateOnly to) => from <= to && to.DayNumber - from.DayNumber + 1 <= MaxDays;

    public static bool IsSupported(DateOnly day) => day >= MinDay && day <= MaxDay;
}
