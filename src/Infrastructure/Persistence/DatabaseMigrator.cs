using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IaGenify.Infrastructure.Persistence;

public sealed class DatabaseMigrator(AppDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Applying database migrations");
        await db.Database.MigrateAsync(cancellationToken);
    }
}
