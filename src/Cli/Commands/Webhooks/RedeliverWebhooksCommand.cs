using System.CommandLine;
using IaGenify.Application.Webhooks.Commands.RedeliverFailedWebhooks;

namespace IaGenify.Cli.Commands.Webhooks;

internal sealed class RedeliverWebhooksCommand : ICliCommand
{
    private readonly Option<Guid> _workspace = CliOptions.RequiredId("--workspace", "The workspace id");
    private readonly Option<Guid?> _endpoint = CliOptions.Id("--endpoint", "Only this endpoint (default: every enabled endpoint)");
    private readonly Option<DateTimeOffset?> _since = CliOptions.Time("--since", "Only deliveries created since, ISO-8601");

    public string Name => "webhooks redeliver";
    public string Summary => "Send a workspace's failed webhook deliveries again (oldest first, at most 1,000 per run).";
    public IReadOnlyList<Option> Options => [_workspace, _endpoint, _since];

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var result = await invocation.SendAsync(new RedeliverFailedWebhooks(invocation.Value(_workspace),
            invocation.Value(_endpoint), invocation.Value(_since)), cancellationToken);
        await invocation.Out.WriteLineAsync($"{result.Requeued} failed deliver{(result.Requeued == 1 ? "y" : "ies")} queued again.");
        return ExitCodes.Success;
    }
}
