using System.CommandLine;
using IaGenify.Application.Credits.Commands.GrantCredits;
using IaGenify.Domain.Credits;

namespace IaGenify.Cli.Commands.Credits;

internal sealed class GrantCreditsCommand : ICliCommand
{
    private const string Promotion = "promotion";
    private const string ManualAdjustment = "manualAdjustment";

    private readonly Option<Guid> _workspace = CliOptions.RequiredId("--workspace", "The workspace id");
    private readonly Option<long> _amount = CliOptions.RequiredNumber("--amount", "Credits to give (positive)");
    private readonly Option<string> _source = CliOptions.Text("--source", $"{Promotion} (default) or {ManualAdjustment}", "source")
        .AcceptOnlyFromAmong(Promotion, ManualAdjustment);
    private readonly Option<DateTimeOffset?> _expires = CliOptions.Time("--expires", "When the credits expire, ISO-8601 (default: never)");
    private readonly Option<string> _reason = CliOptions.Text("--reason", "Why (kept in the ledger and the audit log)", "text", required: true);
    private readonly Option<string> _key = CliOptions.Text("--key",
        "Idempotency key: running the command again with the same key grants nothing more (default: new each run)", "key");

    public string Name => "credits grant";
    public string Summary => "Give a workspace credits (a promotion or a manual grant), optionally expiring.";
    public IReadOnlyList<Option> Options => [_workspace, _amount, _source, _expires, _reason, _key];

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var source = invocation.Value(_source) == ManualAdjustment ? GrantSource.ManualAdjustment : GrantSource.Promotion;
        var result = await invocation.SendAsync(new GrantCredits(
            invocation.Value(_workspace), invocation.Value(_amount), source, invocation.Value(_expires), invocation.Value(_reason)!,
            invocation.Value(_key) ?? Guid.NewGuid().ToString("N")), cancellationToken);
        await invocation.Out.WriteLineAsync($"Granted {result.Amount} credits (grant {result.EntryId}); balance {result.Balance}, available {result.Available}.");
        return ExitCodes.Success;
    }
}
