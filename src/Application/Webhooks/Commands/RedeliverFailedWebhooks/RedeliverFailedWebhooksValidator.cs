using FluentValidation;

namespace IaGenify.Application.Webhooks.Commands.RedeliverFailedWebhooks;

internal sealed class RedeliverFailedWebhooksValidator : AbstractValidator<RedeliverFailedWebhooks>
{
    public RedeliverFailedWebhooksValidator(TimeProvider clock) =>
        RuleFor(x => x.Since).Must(since => since is null || since <= clock.GetUtcNow()).WithMessage("since must not be in the future.");
}
