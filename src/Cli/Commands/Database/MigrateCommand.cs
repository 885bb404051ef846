using IaGenify.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Cli.Commands.Database;

internal sealed class MigrateCommand : ICliCommand
{
    public string Name => "migrate";
    public string Summary => "Apply the database migrations that are not applied yet.";

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        await using var scope = invocation.Services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        var pending = await migrator.PendingAsync(cancellationToken);
        if (pending.Count > 0)
            await invocation.Progress.CountAsync("Applying migrations", pending.Count, async applied =>
            {
                foreach (var migration in pending)
                {
                    await migrator.ApplyAsync(migration, cancellationToken);
                    applied(migration);
                }
            });
        await invocation.Out.WriteLineAsync(pending.Count == 0
            ? "The database is up to date."
            : $"Applied {pending.Count} migration(s); the database is up to date.");
        return ExitCodes.Success;
    }
}
