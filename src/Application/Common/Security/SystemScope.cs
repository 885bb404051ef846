using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application.Common.Security;

/// <summary>
/// "Run as the system principal in a new scope", the one way to do it: workers, sweeps, webhooks-in and the CLI
/// each get a DI scope of their own (own unit of work, own request context) acting as <see cref="Principal.System"/>.
/// </summary>
public static class SystemScope
{
    public static AsyncServiceScope CreateSystemScope(this IServiceScopeFactory scopes)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().Principal = Principal.System;
        return scope;
    }

    public static AsyncServiceScope CreateSystemScope(this IServiceProvider services) =>
        services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();

    public static async Task<T> RunAsSystemAsync<T>(this IServiceScopeFactory scopes, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateSystemScope();
        return await work(scope.ServiceProvider);
    }

    public static async Task RunAsSystemAsync(this IServiceScopeFactory scopes, Func<IServiceProvider, Task> work)
    {
        await using var scope = scopes.CreateSystemScope();
        await work(scope.ServiceProvider);
    }
}
