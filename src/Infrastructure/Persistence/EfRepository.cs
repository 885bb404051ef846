using Ardalis.Specification;
using IaGenify.Application.Common.Persistence;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace IaGenify.Infrastructure.Persistence;

internal sealed class EfRepository<T>(AppDbContext db, TypeAdapterConfig mappings) : IRepository<T> where T : class
{
    public Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(db.Set<T>(), specification).FirstOrDefaultAsync(cancellationToken);

    public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(db.Set<T>(), specification, mappings).FirstOrDefaultAsync(cancellationToken);

    public Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(db.Set<T>(), specification).ToListAsync(cancellationToken);

    public Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(db.Set<T>(), specification, mappings).ToListAsync(cancellationToken);

    public Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(db.Set<T>(), specification, criteriaOnly: true).AnyAsync(cancellationToken);

    public Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken) =>
        SpecificationEvaluator.Apply(db.Set<T>(), specification, criteriaOnly: true).CountAsync(cancellationToken);

    public void Add(T entity) => db.Set<T>().Add(entity);

    public void Remove(T entity) => db.Set<T>().Remove(entity);
}
