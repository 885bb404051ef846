using IaGenify.Application.Websites.Publishing;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Websites.Domains;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IaGenify.Infrastructure.Websites;

/// <summary>
/// Moves <see cref="SiteContentVersion"/> as soon as this process commits a change to what published pages are made
/// of, so its own caches never serve the old page once the request that changed it has answered. Other processes learn
/// of it through the database trigger's NOTIFY (<see cref="SiteChangeListener"/>).
/// </summary>
internal sealed class SiteChangeInterceptor(SiteContentVersion version) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        BumpIfSitesChanged(eventData);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        BumpIfSitesChanged(eventData);
        return base.SavedChanges(eventData, result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Remember(eventData);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    // Entries are Unchanged once saved, so what was about to change is noted before and acted on after the commit.
    private static readonly object Marker = new();

    private static void Remember(DbContextEventData eventData)
    {
        if (eventData.Context is not { } context)
            return;
        var touchesSites = context.ChangeTracker.Entries().Any(ChangesPublishedSites);
        if (touchesSites)
            PendingContexts.AddOrUpdate(context, Marker);
        else
            PendingContexts.Remove(context);
    }

    /// <summary>The same rule as the database triggers: draft edits do not change what is published.</summary>
    private static bool ChangesPublishedSites(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) => entry.Entity switch
    {
        WebsiteRevision or CustomDomain => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted,
        Website => entry.State == EntityState.Deleted
            || (entry.State == EntityState.Modified
                && (entry.Property(nameof(Website.PublishedRevisionId)).IsModified || entry.Property(nameof(Website.Slug)).IsModified
                    || entry.Property(nameof(Website.AllowedFrameAncestors)).IsModified)),
        Workspace => entry.State == EntityState.Deleted
            || (entry.State == EntityState.Modified && entry.Property(nameof(Workspace.DeletedAt)).IsModified),
        _ => false,
    };

    private void BumpIfSitesChanged(SaveChangesCompletedEventData eventData)
    {
        if (eventData.Context is { } context && PendingContexts.Remove(context))
            version.Bump();
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> PendingContexts = new();
}
