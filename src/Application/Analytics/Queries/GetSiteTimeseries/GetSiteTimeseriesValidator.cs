using FluentValidation;

namespace IaGenify.Application.Analytics.Queries.GetSiteTimeseries;

internal sealed class GetSiteTimeseriesValidator : AbstractValidator<GetSiteTimeseries>
{
    public GetSiteTimeseriesValidator(TimeProvider clock)
    {
        this.AddRangeRules(x => x.From, x => x.To, clock);
        RuleFor(x => x.Interval).Must(i => i is null || AnalyticsNames.Intervals.ContainsKey(i))
            .WithMessage("'interval' must be 'hour' or 'day'.");
        RuleFor(x => x.TimeZone).Must(tz => AnalyticsNames.TryFindTimeZone(tz, out _))
            .WithMessage("'tz' must be an IANA time zone such as 'Europe/Paris'.").OverridePropertyName("tz");
    }
}
