using FluentValidation;

namespace IaGenify.Application.Analytics.Queries.GetSiteBreakdown;

internal sealed class GetSiteBreakdownValidator : AbstractValidator<GetSiteBreakdown>
{
    public GetSiteBreakdownValidator(TimeProvider clock)
    {
        this.AddRangeRules(x => x.From, x => x.To, clock);
        RuleFor(x => x.Dimension).Must(d => d is not null && AnalyticsNames.Dimensions.ContainsKey(d))
            .WithMessage($"'dimension' must be one of: {string.Join(", ", AnalyticsNames.Dimensions.Keys)}.");
        RuleFor(x => x.Limit).InclusiveBetween(1, GetSiteBreakdown.MaxLimit);
    }
}
