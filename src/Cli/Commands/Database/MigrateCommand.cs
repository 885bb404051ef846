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
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await invocation.Out.WriteLineAsync("The database is up to date.");
        return ExitCodes.Success;
    }
}
