using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Common.Idempotency;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Workspaces.Commands.UpdateWorkspace;
using IaGenify.Application.Workspaces.Queries.GetWorkspace;
using IaGenify.Domain.Websites;
using IaGenify.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Hosting;

/// <summary>
/// A scope's pooled context goes back to the pool exactly once. Disposed twice, it could be returned a second time
/// while another scope already rented it, and two requests would share one change tracker and tenant binding.
/// </summary>
public sealed class DbContextLifetimeTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_scope_disposes_its_context_once_however_many_services_resolve_it()
    {
        await using var validated = Factory.WithWebHostBuilder(builder => builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        }));

        await using var scope = validated.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var unitOfWork = services.GetRequiredService<IUnitOfWork>();
        services.GetRequiredService<IRepository<Website>>();
        services.GetRequiredService<IIdempotencyStore>();

        Assert.Equal(1, DisposablesOf(services).Count(tracked => ReferenceEquals(tracked, db)));
        Assert.False(unitOfWork is IDisposable or IAsyncDisposable, "The unit of work must not own the context.");
    }

    [Fact]
    public async Task Thousands_of_parallel_scopes_never_share_a_live_context()
    {
        var live = new ConcurrentDictionary<AppDbContext, int>(ReferenceEqualityComparer.Instance);
        var shared = 0;

        await Parallel.ForAsync(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, cancellationToken) =>
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            if (!live.TryAdd(db, i))
                Interlocked.Increment(ref shared);
            if (i % 8 == 0)
                await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            else
                await Task.Yield();
            live.TryRemove(db, out _);
        });

        Assert.Equal(0, shared);
    }

    [Fact]
    public async Task A_request_answered_from_the_membership_check_rents_no_context_and_one_that_writes_rents_one()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner, "Lazy context");

        await using (var read = Factory.Services.CreateAsyncScope())
        {
            read.ServiceProvider.GetRequiredService<RequestContext>().Principal = Principal.ForUser(owner.Id, owner.Email, false);
            var workspace = await read.ServiceProvider.GetRequiredService<IMediator>().Send(new GetWorkspace(workspaceId));

            Assert.Equal("Lazy context", workspace.Name);
            Assert.Null(read.ServiceProvider.GetRequiredService<ScopedDbContext>().IfRented);
        }

        await using (var write = Factory.Services.CreateAsyncScope())
        {
            write.ServiceProvider.GetRequiredService<RequestContext>().Principal = Principal.ForUser(owner.Id, owner.Email, false);
            await write.ServiceProvider.GetRequiredService<IMediator>().Send(new UpdateWorkspace(workspaceId, "Renamed", null));

            Assert.NotNull(write.ServiceProvider.GetRequiredService<ScopedDbContext>().IfRented);
        }
        var renamed = await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}");
        Assert.Contains("Renamed", await renamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>What the scope will dispose when it ends (the container keeps no public record of it).</summary>
    private static IEnumerable<object> DisposablesOf(IServiceProvider scope)
    {
        var property = scope.GetType().GetProperty("Disposables", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("The container no longer exposes its disposables; update this test.");
        return ((IEnumerable)property.GetValue(scope)!).Cast<object>();
    }
}
