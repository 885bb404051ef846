using FluentValidation;

namespace IaGenify.Application.Webhooks.Commands.SendTestWebhook;

internal sealed class SendTestWebhookValidator : AbstractValidator<SendTestWebhook>;
