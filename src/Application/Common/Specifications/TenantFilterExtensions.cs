using Ardalis.Specification;

namespace IaGenify.Application.Common.Specifications;

/// <summary>
/// Lifts only the named tenant filter. The package's own <c>IgnoreQueryFilters</c> would lift every filter
/// (soft-delete included), so the EF evaluator refuses it and specifications use this instead.
/// </summary>
public static class TenantFilterExtensions
{
    public const string ItemKey = "IaGenify.IgnoreTenantFilter";

    /// <summary>
    /// For reads that are scoped some other way (a user's own memberships, a lookup by an unguessable token hash,
    /// a system job): the specification must then filter by its own criteria.
    /// </summary>
    public static ISpecificationBuilder<T> IgnoreTenantFilter<T>(this ISpecificationBuilder<T> builder)
    {
        builder.Specification.Items[ItemKey] = true;
        return builder;
    }

    public static ISpecificationBuilder<T, TResult> IgnoreTenantFilter<T, TResult>(this ISpecificationBuilder<T, TResult> builder)
    {
        builder.Specification.Items[ItemKey] = true;
        return builder;
    }

    public static bool IgnoresTenantFilter<T>(this ISpecification<T> specification) =>
        specification.Items.TryGetValue(ItemKey, out var value) && value is true;
}
