using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace IaGenify.Infrastructure.Persistence;

public sealed class DatabaseMigrator(AppDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // On a new database EF first probes a history table that is not there and logs the failure as an error;
        // creating the table up front keeps the first start's log clean.
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        logger.LogInformation("Applying database migrations");
        await db.Database.MigrateAsync(cancellationToken);
    }
}
