using FluentValidation;

namespace IaGenify.Application.Billing.Commands.ReconcileStripeEvents;

internal sealed class ReconcileStripeEventsValidator : AbstractValidator<ReconcileStripeEvents>
{
    public ReconcileStripeEventsValidator(TimeProvider clock)
    {
        // Stripe keeps events for 30 days.
        RuleFor(x => x.Since).Must(s => s is null || (s > clock.GetUtcNow().AddDays(-30) && s <= clock.GetUtcNow()))
            .WithMessage("since must be within the last 30 days.");
    }
}
