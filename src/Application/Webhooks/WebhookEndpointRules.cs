using FluentValidation;
using IaGenify.Application.Webhooks.Ports;
using IaGenify.Domain.Events;
using IaGenify.Domain.Webhooks;

namespace IaGenify.Application.Webhooks;

/// <summary>Input rules shared by creating and updating an endpoint.</summary>
internal static class WebhookEndpointRules
{
    private static readonly string KnownTypes = string.Join(", ", EventTypes.Subscribable);

    public static IRuleBuilderOptionsConditions<T, string?> MustBeAllowedWebhookUrl<T>(this IRuleBuilder<T, string?> rule, IWebhookTargetPolicy policy) =>
        rule.Custom((url, context) =>
        {
            if (string.IsNullOrWhiteSpace(url))
                context.AddFailure("A url is required.");
            else if (url.Length > WebhookEndpoint.MaxUrlLength)
                context.AddFailure($"url must be at most {WebhookEndpoint.MaxUrlLength} characters.");
            else if (policy.Refusal(url) is { } refusal)
                context.AddFailure(refusal);
        });

    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<string>?> MustBeSubscribableEventTypes<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Custom((types, context) =>
        {
            if (types is null || types.Count == 0)
            {
                context.AddFailure($"Subscribe to at least one event type: {KnownTypes}.");
                return;
            }
            var unknown = types.Where(t => t is null || !EventTypes.IsSubscribable(t.Trim())).Select(t => t ?? "null").ToList();
            if (unknown.Count > 0)
                context.AddFailure($"Unknown event type(s): {string.Join(", ", unknown)}. Known types: {KnownTypes}.");
        });

    public static IRuleBuilderOptions<T, string?> MustBeShortDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(d => d is null || d.Trim().Length <= WebhookEndpoint.MaxDescriptionLength)
            .WithMessage($"description must be at most {WebhookEndpoint.MaxDescriptionLength} characters.");
}
