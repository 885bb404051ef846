using FluentValidation;

namespace IaGenify.Application.Analytics.Commands.SetReportSubscription;

internal sealed class SetReportSubscriptionValidator : AbstractValidator<SetReportSubscription>
{
    public SetReportSubscriptionValidator() =>
        RuleFor(x => x.Weekly).NotNull().WithMessage("weekly is required (true or false).");
}
