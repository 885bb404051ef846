using System.CommandLine;
using IaGenify.Application.Credits.Commands.AdjustCredits;

namespace IaGenify.Cli.Commands.Credits;

internal sealed class AdjustCreditsCommand : ICliCommand
{
    private readonly Option<Guid> _workspace = CliOptions.RequiredId("--workspace", "The workspace id");
    private readonly Option<long> _amount = CliOptions.RequiredNumber("--amount", "Signed number of credits, e.g. 25 or -10");
    private readonly Option<string> _reason = CliOptions.Text("--reason", "Why (kept in the ledger and the audit log)", "text", required: true);
    private readonly Option<string> _key = CliOptions.Text("--key",
        "Idempotency key: running the command again with the same key changes nothing more (default: new each run)", "key");

    public string Name => "credits adjust";
    public string Summary => "Correct a balance: a positive amount adds a manual grant, a negative one debits available credits.";
    public IReadOnlyList<Option> Options => [_workspace, _amount, _reason, _key];

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var result = await invocation.SendAsync(new AdjustCredits(
            invocation.Value(_workspace), invocation.Value(_amount), invocation.Value(_reason)!,
            invocation.Value(_key) ?? Guid.NewGuid().ToString("N")), cancellationToken);
        await invocation.Out.WriteLineAsync($"Adjusted by {result.Amount} (entry {result.EntryId}); balance {result.Balance}, available {result.Available}.");
        return ExitCodes.Success;
    }
}
