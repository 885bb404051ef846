using IaGenify.Application.Webhooks.Commands.RedeliverFailedWebhooks;

namespace IaGenify.Cli.Commands.Webhooks;

internal sealed class RedeliverWebhooksCommand : ICliCommand
{
    public string Name => "webhooks redeliver";
    public string Summary => "Send a workspace's failed webhook deliveries again (oldest first, at most 1,000 per run).";

    public IReadOnlyList<CliOption> Options =>
    [
        new("workspace", "The workspace id", "id"),
        new("endpoint", "Only this endpoint (default: every enabled endpoint)", "id"),
        new("since", "Only deliveries created since, ISO-8601", "time"),
    ];

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var result = await invocation.SendAsync(new RedeliverFailedWebhooks(invocation.Required<Guid>("workspace"),
            invocation.Parsed<Guid>("endpoint"), invocation.Parsed<DateTimeOffset>("since")), cancellationToken);
        await invocation.Out.WriteLineAsync($"{result.Requeued} failed deliver{(result.Requeued == 1 ? "y" : "ies")} queued again.");
        return ExitCodes.Success;
    }
}
