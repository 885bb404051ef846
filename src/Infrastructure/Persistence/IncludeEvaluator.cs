using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace IaGenify.Infrastructure.Persistence;

/// <summary>
/// Applies a specification's <c>Include</c>/<c>ThenInclude</c> chains and include paths with EF Core's generic
/// methods, which need the navigation types at run time; the closed methods are cached per type triple.
/// </summary>
internal static class IncludeEvaluator
{
    private static readonly MethodInfo IncludeMethod = typeof(EntityFrameworkQueryableExtensions).GetMethods()
        .Single(m => m.Name == nameof(EntityFrameworkQueryableExtensions.Include)
                     && m.GetParameters() is [_, { ParameterType.IsGenericType: true }]
                     && m.GetParameters()[1].ParameterType.GetGenericTypeDefinition() == typeof(Expression<>));

    private static readonly MethodInfo ThenIncludeAfterReference = ThenInclude(afterCollection: false);
    private static readonly MethodInfo ThenIncludeAfterCollection = ThenInclude(afterCollection: true);

    private static readonly ConcurrentDictionary<(Type, Type?, Type, bool), MethodInfo> Closed = new();

    public static IQueryable<T> Apply<T>(IQueryable<T> query, ISpecification<T> specification) where T : class
    {
        foreach (var path in specification.IncludeStrings)
            query = query.Include(path);

        object current = query;
        foreach (var include in specification.IncludeExpressions)
        {
            var lambda = include.LambdaExpression;
            var property = lambda.ReturnType;
            var method = include.Type == IncludeTypeEnum.Include
                ? Closed.GetOrAdd((typeof(T), null, property, false), k => IncludeMethod.MakeGenericMethod(k.Item1, k.Item3))
                : ClosedThenInclude(typeof(T), include.PreviousPropertyType!, property);
            current = method.Invoke(null, [current, lambda])!;
        }
        return (IQueryable<T>)current;
    }

    private static MethodInfo ClosedThenInclude(Type entity, Type previous, Type property)
    {
        var element = CollectionElement(previous);
        return Closed.GetOrAdd((entity, previous, property, true), _ => element is not null
            ? ThenIncludeAfterCollection.MakeGenericMethod(entity, element, property)
            : ThenIncludeAfterReference.MakeGenericMethod(entity, previous, property));
    }

    private static Type? CollectionElement(Type type)
    {
        if (type == typeof(string))
            return null;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            return type.GetGenericArguments()[0];
        return type.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
    }

    private static MethodInfo ThenInclude(bool afterCollection) => typeof(EntityFrameworkQueryableExtensions).GetMethods()
        .Single(m =>
        {
            if (m.Name != nameof(EntityFrameworkQueryableExtensions.ThenInclude))
                return false;
            var previous = m.GetParameters()[0].ParameterType.GetGenericArguments()[1];
            return afterCollection == (previous.IsGenericType && previous.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        });
}
