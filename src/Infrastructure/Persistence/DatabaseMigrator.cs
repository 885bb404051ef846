using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace IaGenify.Infrastructure.Persistence;

public sealed class DatabaseMigrator(AppDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await EnsureHistoryTableAsync(cancellationToken);
        logger.LogInformation("Applying database migrations");
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>The migrations not applied yet, oldest first (the CLI applies them one by one to show its progress).</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        await EnsureHistoryTableAsync(cancellationToken);
        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
    }

    /// <summary>Migrates up to and including <paramref name="migration"/>.</summary>
    public async Task ApplyAsync(string migration, CancellationToken cancellationToken)
    {
        logger.LogInformation("Applying database migration {Migration}", migration);
        await db.GetService<IMigrator>().MigrateAsync(migration, cancellationToken);
    }

    // On a new database EF first probes a history table that is not there and logs the failure as an error;
    // creating the table up front keeps the first start's log clean.
    private Task EnsureHistoryTableAsync(CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
}
