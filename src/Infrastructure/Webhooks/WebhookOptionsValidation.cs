using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Webhooks;

/// <summary>Stops the host at start-up when the <c>Webhooks</c> settings cannot work, naming each problem.</summary>
internal sealed class WebhookOptionsValidation : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
