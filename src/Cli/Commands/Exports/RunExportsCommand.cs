using IaGenify.Application.Exports.Commands.RunQueuedExports;

namespace IaGenify.Cli.Commands.Exports;

internal sealed class RunExportsCommand : ICliCommand
{
    public string Name => "exports run";
    public string Summary => "Build the queued exports once and delete expired archives.";

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var result = await invocation.Progress.RunAsync("Building queued exports",
            () => invocation.SendAsync(new RunQueuedExports(), cancellationToken));
        await invocation.Out.WriteLineAsync(
            $"Exports: {result.Succeeded} succeeded, {result.Failed} failed; {result.ArchivesExpired} expired archive(s) deleted.");
        return result.Failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
