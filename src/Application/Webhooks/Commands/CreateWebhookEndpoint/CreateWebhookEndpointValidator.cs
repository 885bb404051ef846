using FluentValidation;
using IaGenify.Application.Webhooks.Ports;

namespace IaGenify.Application.Webhooks.Commands.CreateWebhookEndpoint;

internal sealed class CreateWebhookEndpointValidator : AbstractValidator<CreateWebhookEndpoint>
{
    public CreateWebhookEndpointValidator(IWebhookTargetPolicy targetPolicy)
    {
        RuleFor(x => x.Url).MustBeAllowedWebhookUrl(targetPolicy);
        RuleFor(x => x.Description).MustBeShortDescription();
        RuleFor(x => x.EventTypes).MustBeSubscribableEventTypes();
    }
}
