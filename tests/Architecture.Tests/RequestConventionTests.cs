using FluentValidation;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using MediatR;

namespace IaGenify.Architecture.Tests;

/// <summary>Every request declares exactly one access policy, and every command is validated.</summary>
public sealed class RequestConventionTests
{
    private static readonly Type[] Requests = Assemblies.Application.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(IsRequest))
        .ToArray();

    private static bool IsRequest(Type i) => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>);

    private static bool IsCommand(Type t) =>
        t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    [Fact]
    public void There_are_requests_to_check() => Assert.True(Requests.Length > 20);

    [Fact]
    public void Every_request_declares_exactly_one_access_policy()
    {
        var offenders = Requests
            .Select(t => (Type: t, Policies: AccessPolicy.Declared(t)))
            .Where(r => r.Policies.Count != 1)
            .Select(r => $"{r.Type.FullName}: {(r.Policies.Count == 0 ? "none" : string.Join(", ", r.Policies))}");
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_workspace_request_names_the_permission_it_needs()
    {
        var offenders = Requests
            .Where(t => typeof(IWorkspaceRequest).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes(typeof(RequiresPermissionAttribute), false).Length != 1)
            .Select(t => t.FullName);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_command_has_exactly_one_validator()
    {
        var validated = Assemblies.Application.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .GroupBy(i => i.GetGenericArguments()[0])
            .ToDictionary(g => g.Key, g => g.Count());

        var offenders = Requests.Where(IsCommand)
            .Where(c => validated.GetValueOrDefault(c) != 1)
            .Select(c => $"{c.FullName}: {validated.GetValueOrDefault(c)} validator(s)");
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_request_is_a_command_or_a_query()
    {
        var offenders = Requests.Where(t => !IsCommand(t) &&
            !t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQuery<>)));
        Assert.Empty(offenders.Select(t => t.FullName));
    }

    [Fact]
    public void Requests_and_handlers_are_sealed()
    {
        var handlers = Assemblies.Application.GetTypes().Where(t => t.GetInterfaces().Any(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)));
        Assert.Empty(Requests.Concat(handlers).Where(t => !t.IsSealed).Select(t => t.FullName));
    }
}
