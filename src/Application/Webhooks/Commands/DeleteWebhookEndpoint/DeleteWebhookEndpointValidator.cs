using FluentValidation;

namespace IaGenify.Application.Webhooks.Commands.DeleteWebhookEndpoint;

internal sealed class DeleteWebhookEndpointValidator : AbstractValidator<DeleteWebhookEndpoint>;
