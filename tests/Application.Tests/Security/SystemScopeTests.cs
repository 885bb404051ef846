using IaGenify.Application.Common.Security;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Application.Tests.Security;

public sealed class SystemScopeTests
{
    private static ServiceProvider Services() => new ServiceCollection().AddScoped<RequestContext>().BuildServiceProvider();

    [Fact]
    public async Task A_system_scope_acts_as_the_system_and_leaves_other_scopes_alone()
    {
        await using var services = Services();
        await using var system = services.CreateSystemScope();
        await using var other = services.CreateAsyncScope();

        Assert.Equal(PrincipalKind.System, system.ServiceProvider.GetRequiredService<RequestContext>().Principal.Kind);
        Assert.Equal(PrincipalKind.Anonymous, other.ServiceProvider.GetRequiredService<RequestContext>().Principal.Kind);
    }

    [Fact]
    public async Task RunAsSystemAsync_hands_the_work_a_system_scope()
    {
        await using var services = Services();
        var kind = await services.GetRequiredService<IServiceScopeFactory>()
            .RunAsSystemAsync(s => Task.FromResult(s.GetRequiredService<RequestContext>().Principal.Kind));
        Assert.Equal(PrincipalKind.System, kind);
    }

    [Fact]
    public void The_principal_cannot_be_switched_once_set()
    {
        var context = new RequestContext { Principal = Principal.ForUser(Guid.NewGuid(), "a@example.com", isPlatformAdmin: false) };
        Assert.Throws<InvalidOperationException>(() => context.Principal = Principal.System);
    }

    [Fact]
    public void The_principal_cannot_be_set_once_a_request_has_read_it()
    {
        var context = new RequestContext();
        Assert.False(context.Principal.IsAuthenticated);
        Assert.Throws<InvalidOperationException>(() => context.Principal = Principal.System);
    }
}
