using System.Linq.Expressions;

namespace IaGenify.Application.Common.Specifications;

public sealed record OrderExpression<T>(Expression<Func<T, object?>> KeySelector, bool Descending);

/// <summary>
/// A named query over <typeparamref name="T"/>: criteria, includes, ordering, paging and tracking. The persistence
/// layer evaluates it; Application code never sees an <see cref="IQueryable{T}"/>.
/// </summary>
public abstract class Specification<T> where T : class
{
    private readonly List<Expression<Func<T, bool>>> _criteria = [];
    private readonly List<string> _includes = [];
    private readonly List<OrderExpression<T>> _orderings = [];

    public IReadOnlyList<Expression<Func<T, bool>>> Criteria => _criteria;
    public IReadOnlyList<string> Includes => _includes;
    public IReadOnlyList<OrderExpression<T>> Orderings => _orderings;
    public int? Skip { get; private set; }
    public int? Take { get; private set; }
    public bool IsNoTracking { get; private set; }

    /// <summary>
    /// Lifts the tenant filter. Only for reads that are scoped some other way (a user's own memberships, a lookup
    /// by an unguessable token hash); the specification must then filter by its own criteria.
    /// </summary>
    public bool IgnoresTenantFilter { get; private set; }

    protected void Where(Expression<Func<T, bool>> criterion) => _criteria.Add(criterion);

    protected void Include(Expression<Func<T, object?>> navigation) => _includes.Add(MemberPath(navigation.Body));

    /// <summary>A dotted navigation path ("Pages.Sections") for includes deeper than one level.</summary>
    protected void Include(string navigationPath) => _includes.Add(navigationPath);

    protected void OrderBy(Expression<Func<T, object?>> key) => _orderings.Add(new(key, Descending: false));

    protected void OrderByDescending(Expression<Func<T, object?>> key) => _orderings.Add(new(key, Descending: true));

    protected void Page(int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        Skip = skip;
        Take = take;
    }

    protected void Limit(int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        Take = take;
    }

    protected void AsNoTracking() => IsNoTracking = true;

    protected void IgnoreTenantFilter() => IgnoresTenantFilter = true;

    private static string MemberPath(Expression expression) => expression switch
    {
        MemberExpression { Expression: ParameterExpression } m => m.Member.Name,
        MemberExpression m => MemberPath(m.Expression!) + "." + m.Member.Name,
        UnaryExpression { NodeType: ExpressionType.Convert } u => MemberPath(u.Operand),
        _ => throw new ArgumentException($"Not a navigation path: {expression}"),
    };
}

/// <summary>
/// A specification that projects to a read model. Without an explicit <see cref="Selector"/> the projection is
/// Mapster's <c>ProjectToType</c>, so it is translated to SQL and never tracked.
/// </summary>
public abstract class Specification<T, TResult> : Specification<T> where T : class
{
    public Expression<Func<T, TResult>>? Selector { get; private set; }

    protected void Select(Expression<Func<T, TResult>> selector) => Selector = selector;
}
