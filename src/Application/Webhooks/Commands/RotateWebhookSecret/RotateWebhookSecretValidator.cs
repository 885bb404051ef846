using FluentValidation;

namespace IaGenify.Application.Webhooks.Commands.RotateWebhookSecret;

internal sealed class RotateWebhookSecretValidator : AbstractValidator<RotateWebhookSecret>;
