using IaGenify.Application.Websites.Domains;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IaGenify.Infrastructure.Websites;

internal sealed class WebsiteDomainsLock(AppDbContext db) : IWebsiteDomainsLock
{
    public async Task LockAsync(Guid websiteId, CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);
        // NO KEY UPDATE: rows that merely reference the website (revisions, domains being added) are not held up.
        await db.Database.SqlQuery<Guid>($"""SELECT id AS "Value" FROM websites WHERE id = {websiteId} FOR NO KEY UPDATE""")
            .ToListAsync(cancellationToken);
    }
}
