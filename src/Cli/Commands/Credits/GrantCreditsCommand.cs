using IaGenify.Application.Credits.Commands.GrantCredits;
using IaGenify.Cli.Parsing;
using IaGenify.Domain.Credits;

namespace IaGenify.Cli.Commands.Credits;

internal sealed class GrantCreditsCommand : ICliCommand
{
    public string Name => "credits grant";
    public string Summary => "Give a workspace credits (a promotion or a manual grant), optionally expiring.";

    public IReadOnlyList<CliOption> Options =>
    [
        new("workspace", "The workspace id", "id"),
        new("amount", "Credits to give (positive)", "n"),
        new("source", "promotion (default) or manualAdjustment", "source"),
        new("expires", "When the credits expire, ISO-8601 (default: never)", "time"),
        new("reason", "Why (kept in the ledger and the audit log)", "text"),
        new("key", "Idempotency key: running the command again with the same key grants nothing more (default: new each run)", "key"),
    ];

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var source = invocation.Option("source") switch
        {
            null or "promotion" => GrantSource.Promotion,
            "manualAdjustment" => GrantSource.ManualAdjustment,
            var other => throw new CliUsageException($"--source must be promotion or manualAdjustment, not '{other}'."),
        };
        var result = await invocation.SendAsync(new GrantCredits(
            invocation.Required<Guid>("workspace"), invocation.Required<long>("amount"), source,
            invocation.Parsed<DateTimeOffset>("expires"), invocation.Required("reason"),
            invocation.Option("key") ?? Guid.NewGuid().ToString("N")), cancellationToken);
        await invocation.Out.WriteLineAsync($"Granted {result.Amount} credits (grant {result.EntryId}); balance {result.Balance}, available {result.Available}.");
        return ExitCodes.Success;
    }
}
