using System.CommandLine;
using IaGenify.Application.Billing.Commands.ReconcileStripeEvents;

namespace IaGenify.Cli.Commands.Billing;

internal sealed class ReconcileStripeCommand : ICliCommand
{
    private readonly Option<DateTimeOffset?> _since =
        CliOptions.Time("--since", "ISO-8601 time to look back to (default: Billing:ReconcileWindow ago, at most 30 days)");

    public string Name => "billing reconcile";
    public string Summary => "Process the recent Stripe events the webhook missed (schedule it, e.g. hourly).";
    public IReadOnlyList<Option> Options => [_since];

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var result = await invocation.Progress.RunAsync("Reconciling Stripe events",
            () => invocation.SendAsync(new ReconcileStripeEvents(invocation.Value(_since)), cancellationToken));
        await invocation.Out.WriteLineAsync($"Stripe events since {result.Since:O}: {result.Listed} listed, {result.AlreadyKnown} already " +
                                            $"processed, {result.Processed} processed now, {result.Failed} failed.");
        return result.Failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
