using IaGenify.Application.Common.Persistence;

namespace IaGenify.Infrastructure.Persistence;

/// <summary>
/// The scope's unit of work over its pooled context. Deliberately not disposable and not the context itself: the
/// container disposes what a registration returns, and a context disposed twice goes back to the pool twice, where
/// another scope may already be using it. A scope that never used its context has nothing to save and rents none.
/// </summary>
internal sealed class UnitOfWork(ScopedDbContext scoped) : IUnitOfWork
{
    public Task SaveChangesAsync(CancellationToken cancellationToken) =>
        scoped.IfRented is { } db ? db.CommitAsync(cancellationToken) : Task.CompletedTask;
}
