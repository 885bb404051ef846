using FluentValidation;

namespace IaGenify.Application.Analytics.Queries.GetUsage;

internal sealed class GetUsageValidator : AbstractValidator<GetUsage>
{
    public GetUsageValidator(TimeProvider clock)
    {
        this.AddRangeRules(x => x.From, x => x.To, clock);
        RuleFor(x => x.Interval).Must(i => i is null || AnalyticsNames.Intervals.ContainsKey(i))
            .WithMessage("'interval' must be 'hour' or 'day'.");
    }
}
