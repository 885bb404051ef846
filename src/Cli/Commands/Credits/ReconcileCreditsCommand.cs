using System.CommandLine;
using IaGenify.Application.Credits.Queries.ReconcileCredits;

namespace IaGenify.Cli.Commands.Credits;

/// <summary>Exit code 1 when anything differs, so that a scheduled run can alert.</summary>
internal sealed class ReconcileCreditsCommand : ICliCommand
{
    private readonly Option<Guid?> _workspace = CliOptions.Id("--workspace", "Only this workspace (default: all)");

    public string Name => "credits reconcile";
    public string Summary => "Rebuild every balance from the ledger's entries and grants and report any difference (exit 1 if there is one).";
    public IReadOnlyList<Option> Options => [_workspace];

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var report = await invocation.Progress.RunAsync("Reconciling credit balances",
            () => invocation.SendAsync(new ReconcileCredits(invocation.Value(_workspace)), cancellationToken));
        foreach (var difference in report.Discrepancies)
            await invocation.Out.WriteLineAsync(
                $"{difference.WorkspaceId}{(difference.GrantId is { } grant ? $" grant {grant}" : "")}: {difference.Check}: expected {difference.Expected}, found {difference.Actual}");
        await invocation.Out.WriteLineAsync(report.IsBalanced
            ? $"{report.WorkspacesChecked} account(s) reconciled; no difference."
            : $"{report.WorkspacesChecked} account(s) checked; {report.Discrepancies.Count} difference(s).");
        return report.IsBalanced ? ExitCodes.Success : ExitCodes.Failed;
    }
}
