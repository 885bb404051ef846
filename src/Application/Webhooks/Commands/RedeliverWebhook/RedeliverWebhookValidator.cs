using FluentValidation;

namespace IaGenify.Application.Webhooks.Commands.RedeliverWebhook;

internal sealed class RedeliverWebhookValidator : AbstractValidator<RedeliverWebhook>
{
    public RedeliverWebhookValidator()
    {
        RuleFor(x => x.EndpointId).NotEmpty();
        RuleFor(x => x.DeliveryId).NotEmpty();
    }
}
