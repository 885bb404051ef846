using IaGenify.Application.Common.Specifications;

namespace IaGenify.Application.Common.Persistence;

/// <summary>Reads through specifications and stages additions/removals for the unit of work.</summary>
public interface IRepository<T> where T : class
{
    Task<T?> FirstOrDefaultAsync(Specification<T> specification, CancellationToken cancellationToken);
    Task<TResult?> FirstOrDefaultAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken);
    Task<List<T>> ListAsync(Specification<T> specification, CancellationToken cancellationToken);
    Task<List<TResult>> ListAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken);
    Task<bool> AnyAsync(Specification<T> specification, CancellationToken cancellationToken);
    Task<int> CountAsync(Specification<T> specification, CancellationToken cancellationToken);
    void Add(T entity);
    void Remove(T entity);
}
