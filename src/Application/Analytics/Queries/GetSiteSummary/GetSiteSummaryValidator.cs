using FluentValidation;

namespace IaGenify.Application.Analytics.Queries.GetSiteSummary;

internal sealed class GetSiteSummaryValidator : AbstractValidator<GetSiteSummary>
{
    public GetSiteSummaryValidator(TimeProvider clock) => this.AddRangeRules(x => x.From, x => x.To, clock);
}
