using IaGenify.Application.Common.Specifications;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace IaGenify.Infrastructure.Persistence;

/// <summary>Turns a specification into an EF Core query.</summary>
internal static class SpecificationEvaluator
{
    public static IQueryable<T> Apply<T>(IQueryable<T> query, Specification<T> specification) where T : class
    {
        if (specification.IgnoresTenantFilter)
            query = query.IgnoreQueryFilters([AppDbContext.TenantFilter]);
        foreach (var criterion in specification.Criteria)
            query = query.Where(criterion);
        foreach (var include in specification.Includes)
            query = query.Include(include);

        IOrderedQueryable<T>? ordered = null;
        foreach (var order in specification.Orderings)
        {
            ordered = ordered is null
                ? order.Descending ? query.OrderByDescending(order.KeySelector) : query.OrderBy(order.KeySelector)
                : order.Descending ? ordered.ThenByDescending(order.KeySelector) : ordered.ThenBy(order.KeySelector);
        }
        query = ordered ?? query;

        if (specification.Skip is { } skip)
            query = query.Skip(skip);
        if (specification.Take is { } take)
            query = query.Take(take);
        if (specification.IsNoTracking)
            query = query.AsNoTracking();
        return query;
    }

    public static IQueryable<TResult> Apply<T, TResult>(IQueryable<T> query, Specification<T, TResult> specification,
        TypeAdapterConfig mappings) where T : class
    {
        var filtered = Apply(query, (Specification<T>)specification);
        return specification.Selector is { } selector
            ? filtered.Select(selector)
            : filtered.ProjectToType<TResult>(mappings);
    }
}
