using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using IaGenify.Application.Common.Idempotency;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application.Common.Behaviors;

/// <summary>
/// Which behaviors a request type goes through, decided once per type rather than on every call: a behavior with
/// nothing to do for a type (authorizing an anonymous request, validating a request without validators, the
/// idempotency step of a query) is neither constructed with its dependencies nor called. The order is always logging,
/// authorization, validation, idempotency (the first the outermost). MediatR asks the <see cref="ServiceFactory"/>
/// for <c>IEnumerable&lt;IPipelineBehavior&lt;TRequest, TResponse&gt;&gt;</c>; this answers that question and passes
/// every other one to the container.
/// </summary>
public sealed class PipelinePlans
{
    private static readonly MethodInfo BuildMethod = typeof(PipelinePlans).GetMethod(nameof(Build), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConcurrentDictionary<Type, Func<IServiceProvider, object>?> _plans = new();

    public object? Resolve(IServiceProvider provider, Type serviceType)
    {
        var plan = _plans.GetOrAdd(serviceType, static (type, scope) => Plan(type, scope), provider);
        return plan is null ? provider.GetService(serviceType) : plan(provider);
    }

    private static Func<IServiceProvider, object>? Plan(Type serviceType, IServiceProvider provider)
    {
        if (!serviceType.IsGenericType || serviceType.GetGenericTypeDefinition() != typeof(IEnumerable<>)
            || serviceType.GenericTypeArguments[0] is not { IsGenericType: true } behavior
            || behavior.GetGenericTypeDefinition() != typeof(IPipelineBehavior<,>))
            return null;
        var (request, response) = (behavior.GenericTypeArguments[0], behavior.GenericTypeArguments[1]);
        var steps = new List<Type> { typeof(LoggingBehavior<,>) };
        if (AccessPolicy.For(request).Kind != AccessPolicyKind.Anonymous)
            steps.Add(typeof(AuthorizationBehavior<,>));
        // Validators are singletons, so asking once is asking for good.
        if (provider.GetService(typeof(IEnumerable<>).MakeGenericType(typeof(IValidator<>).MakeGenericType(request))) is IEnumerable<object> validators
            && validators.Any())
            steps.Add(typeof(ValidationBehavior<,>));
        if (IdempotencyApplies(request))
            steps.Add(typeof(IdempotencyBehavior<,>));
        var closed = steps.Select(s => s.MakeGenericType(request, response)).ToArray();
        var build = BuildMethod.MakeGenericMethod(request, response).CreateDelegate<Func<IServiceProvider, Type[], object>>();
        return scope => build(scope, closed);
    }

    /// <summary>Commands only, and never one whose response holds a secret (it would be stored for replays).</summary>
    public static bool IdempotencyApplies(Type requestType) =>
        RequestKind.IsCommand(requestType) && requestType.GetCustomAttribute<ResponseContainsSecretAttribute>() is null;

    private static IPipelineBehavior<TRequest, TResponse>[] Build<TRequest, TResponse>(IServiceProvider provider, Type[] steps)
    {
        var behaviors = new IPipelineBehavior<TRequest, TResponse>[steps.Length];
        for (var i = 0; i < steps.Length; i++)
            behaviors[i] = (IPipelineBehavior<TRequest, TResponse>)provider.GetRequiredService(steps[i]);
        return behaviors;
    }
}
