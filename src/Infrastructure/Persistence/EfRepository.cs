using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Specifications;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace IaGenify.Infrastructure.Persistence;

internal sealed class EfRepository<T>(AppDbContext db, TypeAdapterConfig mappings) : IRepository<T> where T : class
{
    public Task<T?> FirstOrDefaultAsync(Specification<T> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(db.Set<T>(), specification).FirstOrDefaultAsync(cancellationToken);

    public Task<TResult?> FirstOrDefaultAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(db.Set<T>(), specification, mappings).FirstOrDefaultAsync(cancellationToken);

    public Task<List<T>> ListAsync(Specification<T> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(db.Set<T>(), specification).ToListAsync(cancellationToken);

    public Task<List<TResult>> ListAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(db.Set<T>(), specification, mappings).ToListAsync(cancellationToken);

    public Task<bool> AnyAsync(Specification<T> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(db.Set<T>(), specification).AnyAsync(cancellationToken);

    public Task<int> CountAsync(Specification<T> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(db.Set<T>(), specification).CountAsync(cancellationToken);

    public void Add(T entity) => db.Set<T>().Add(entity);

    public void Remove(T entity) => db.Set<T>().Remove(entity);
}
