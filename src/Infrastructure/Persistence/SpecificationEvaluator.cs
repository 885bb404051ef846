using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace IaGenify.Infrastructure.Persistence;

/// <summary>
/// Turns an Ardalis specification into an EF Core query. Criteria, ordering and paging come from the package's
/// evaluators; includes, tracking, split queries, the tenant filter and projection are EF Core's and live here
/// (the package's EF Core evaluator is not available to us).
/// </summary>
internal static class SpecificationEvaluator
{
    public static IQueryable<T> Apply<T>(IQueryable<T> query, ISpecification<T> specification, bool criteriaOnly = false)
        where T : class
    {
        Refuse(specification);
        if (specification.IgnoresTenantFilter())
            query = query.IgnoreQueryFilters([AppDbContext.TenantFilter]);
        query = WhereEvaluator.Instance.GetQuery(query, specification);
        if (criteriaOnly)
            return query;
        query = IncludeEvaluator.Apply(query, specification);
        query = OrderEvaluator.Instance.GetQuery(query, specification);
        query = PaginationEvaluator.Instance.GetQuery(query, specification);
        if (specification.AsSplitQuery)
            query = query.AsSplitQuery();
        if (specification.AsNoTracking)
            query = query.AsNoTracking();
        else if (specification.AsNoTrackingWithIdentityResolution)
            query = query.AsNoTrackingWithIdentityResolution();
        else if (specification.AsTracking)
            query = query.AsTracking();
        return query;
    }

    /// <summary>Without an explicit selector the projection is Mapster's, so it is translated to SQL and never tracked.</summary>
    public static IQueryable<TResult> Apply<T, TResult>(IQueryable<T> query, ISpecification<T, TResult> specification,
        TypeAdapterConfig mappings) where T : class
    {
        if (specification.SelectorMany is not null)
            throw new InvalidOperationException($"{specification.GetType().Name}: SelectMany is not supported; project with Select.");
        var filtered = Apply(query, (ISpecification<T>)specification);
        return specification.Selector is { } selector
            ? filtered.Select(selector)
            : filtered.ProjectToType<TResult>(mappings);
    }

    private static void Refuse<T>(ISpecification<T> specification)
    {
        // Lifting every filter would also lift soft-delete and any filter added later; only the tenant filter may go.
        if (specification.IgnoreQueryFilters)
            throw new InvalidOperationException(
                $"{specification.GetType().Name} lifts every query filter; use Query.IgnoreTenantFilter() instead.");
        if (specification.SearchCriterias.Any())
            throw new InvalidOperationException($"{specification.GetType().Name}: Search is not supported; use Where.");
    }
}
