using Ardalis.Specification;
using IaGenify.Domain.Common;

namespace IaGenify.Application.Common.Persistence;

/// <summary>"Load by specification or answer 404", the one way to do it.</summary>
public static class RepositoryExtensions
{
    /// <param name="resource">Named in the 404 ProblemDetails ("Website", "Webhook endpoint").</param>
    public static async Task<T> FirstOrNotFoundAsync<T>(this IRepository<T> repository, ISpecification<T> specification,
        string resource, CancellationToken cancellationToken) where T : class =>
        await repository.FirstOrDefaultAsync(specification, cancellationToken) ?? throw new NotFoundException(resource);

    public static async Task<TResult> FirstOrNotFoundAsync<T, TResult>(this IRepository<T> repository,
        ISpecification<T, TResult> specification, string resource, CancellationToken cancellationToken) where T : class =>
        await repository.FirstOrDefaultAsync(specification, cancellationToken) ?? throw new NotFoundException(resource);
}
