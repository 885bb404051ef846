using FluentValidation;
using IaGenify.Domain.Analytics;

namespace IaGenify.Application.Analytics;

/// <summary>
/// The range rules every dashboard query shares: dates within the supported calendar, <c>from</c> not after
/// <c>to</c>, at most 400 days.
/// </summary>
internal static class AnalyticsRangeRules
{
    public static void AddRangeRules<T>(this AbstractValidator<T> validator, Func<T, DateOnly?> from, Func<T, DateOnly?> to,
        TimeProvider clock) =>
        validator.RuleFor(x => x).Custom((request, context) =>
        {
            // Checked before the defaults are worked out: a "to" near year 1 has no 30 days before it.
            var outside = false;
            foreach (var (name, day) in new[] { ("from", from(request)), ("to", to(request)) })
            {
                if (day is { } value && !AnalyticsRange.IsSupported(value))
                {
                    context.AddFailure(name, $"'{name}' must lie between {AnalyticsRange.MinDay:yyyy-MM-dd} and {AnalyticsRange.MaxDay:yyyy-MM-dd}.");
                    outside = true;
                }
            }
            if (outside)
                return;
            var (start, end) = AnalyticsPeriod.Resolve(from(request), to(request), clock);
            if (start > end)
                context.AddFailure("from", "'from' must not be after 'to'.");
            else if (!AnalyticsRange.IsValid(start, end))
                context.AddFailure("to", $"A range covers at most {AnalyticsRange.MaxDays} days.");
        });
}
