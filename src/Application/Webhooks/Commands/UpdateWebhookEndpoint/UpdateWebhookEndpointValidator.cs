using FluentValidation;
using IaGenify.Application.Webhooks.Ports;

namespace IaGenify.Application.Webhooks.Commands.UpdateWebhookEndpoint;

internal sealed class UpdateWebhookEndpointValidator : AbstractValidator<UpdateWebhookEndpoint>
{
    public UpdateWebhookEndpointValidator(IWebhookTargetPolicy targetPolicy)
    {
        RuleFor(x => x.Url).MustBeAllowedWebhookUrl(targetPolicy).When(x => x.Url is not null);
        RuleFor(x => x.Description).MustBeShortDescription();
        RuleFor(x => x.EventTypes).MustBeSubscribableEventTypes().When(x => x.EventTypes is not null);
    }
}
