using FluentValidation;

namespace IaGenify.Application.Billing.Commands.ReceiveStripeWebhook;

internal sealed class ReceiveStripeWebhookValidator : AbstractValidator<ReceiveStripeWebhook>
{
    public ReceiveStripeWebhookValidator()
    {
        RuleFor(x => x.Payload).NotEmpty().WithMessage("The webhook body is empty.");
        RuleFor(x => x.Signature).NotEmpty().WithMessage("The Stripe-Signature header is missing.");
    }
}
