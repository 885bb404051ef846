using System.Globalization;
using IaGenify.Application.Billing.Commands.ReconcileStripeEvents;
using IaGenify.Cli.Parsing;

namespace IaGenify.Cli.Commands.Billing;

internal sealed class ReconcileStripeCommand : ICliCommand
{
    public string Name => "billing reconcile";
    public string Summary => "Process the recent Stripe events the webhook missed (schedule it, e.g. hourly).";

    public IReadOnlyList<CliOption> Options =>
        [new("since", "ISO-8601 time to look back to (default: Billing:ReconcileWindow ago, at most 30 days)", "time")];

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        DateTimeOffset? since = null;
        if (invocation.Option("since") is { } value)
            since = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new CliUsageException($"--since must be an ISO-8601 time, not '{value}'.");
        var result = await invocation.SendAsync(new ReconcileStripeEvents(since), cancellationToken);
        await invocation.Out.WriteLineAsync($"Stripe events since {result.Since:O}: {result.Listed} listed, {result.AlreadyKnown} already " +
                                            $"processed, {result.Processed} processed now, {result.Failed} failed.");
        return result.Failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
