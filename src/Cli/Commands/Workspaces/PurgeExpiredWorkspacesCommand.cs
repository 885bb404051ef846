using IaGenify.Application.Workspaces.Commands.PurgeExpiredWorkspaces;

namespace IaGenify.Cli.Commands.Workspaces;

internal sealed class PurgeExpiredWorkspacesCommand : ICliCommand
{
    public string Name => "workspaces purge-expired";
    public string Summary => "Purge now the deleted workspaces whose restore window has passed.";

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var result = await invocation.Progress.RunAsync("Purging expired workspaces",
            () => invocation.SendAsync(new PurgeExpiredWorkspaces(), cancellationToken));
        await invocation.Out.WriteLineAsync($"Purged {result.Purged} workspace(s).");
        if (result.Failed == 0)
            return ExitCodes.Success;
        await invocation.Out.WriteLineAsync($"{result.Failed} workspace(s) could not be purged (see the log); the next sweep retries them.");
        return ExitCodes.Failed;
    }
}
