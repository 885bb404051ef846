using IaGenify.Application.Credits.Commands.AdjustCredits;

namespace IaGenify.Cli.Commands.Credits;

internal sealed class AdjustCreditsCommand : ICliCommand
{
    public string Name => "credits adjust";
    public string Summary => "Correct a balance: a positive amount adds a manual grant, a negative one debits available credits.";

    public IReadOnlyList<CliOption> Options =>
    [
        new("workspace", "The workspace id", "id"),
        new("amount", "Signed number of credits, e.g. 25 or -10", "n"),
        new("reason", "Why (kept in the ledger and the audit log)", "text"),
        new("key", "Idempotency key: running the command again with the same key changes nothing more (default: new each run)", "key"),
    ];

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var result = await invocation.SendAsync(new AdjustCredits(
            invocation.Required<Guid>("workspace"), invocation.Required<long>("amount"), invocation.Required("reason"),
            invocation.Option("key") ?? Guid.NewGuid().ToString("N")), cancellationToken);
        await invocation.Out.WriteLineAsync($"Adjusted by {result.Amount} (entry {result.EntryId}); balance {result.Balance}, available {result.Available}.");
        return ExitCodes.Success;
    }
}
