using IaGenify.Application.Common.Auditing;
using IaGenify.Application.Common.Email;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Idempotency;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Ports;
using IaGenify.Application.Workspaces.Commands.UpdateWorkspace;
using IaGenify.Domain.Common;
using IaGenify.Domain.Workspaces;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace IaGenify.Application.Tests.Behaviors;

/// <summary>The real registration of AddApplication, with every port substituted.</summary>
public sealed class PipelineTests
{
    private readonly IWorkspaceAccessReader _access = Substitute.For<IWorkspaceAccessReader>();

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddApplication(new ConfigurationBuilder().Build());
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_access);
        services.AddSingleton(Substitute.For<IAuditLog>());
        services.AddSingleton(Substitute.For<IUnitOfWork>());
        services.AddSingleton(Substitute.For<IEmailSender>());
        services.AddSingleton(Substitute.For<IPasswordHasher>());
        services.AddSingleton(Substitute.For<IAccessTokenIssuer>());
        services.AddSingleton(Substitute.For<ILoginThrottle>());
        services.AddSingleton(Substitute.For<IIdempotencyStore>());
        services.AddSingleton(typeof(IRepository<>), typeof(NoRepository<>));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    [Fact]
    public async Task Authorization_runs_before_validation_so_outsiders_learn_nothing_from_errors()
    {
        await using var provider = Build();
        using var scope = provider.CreateScope();
        var user = Guid.CreateVersion7();
        scope.ServiceProvider.GetRequiredService<RequestContext>().Principal = Principal.ForUser(user, "u@example.com", false);
        _access.GetAsync(Arg.Any<Guid>(), user, Arg.Any<CancellationToken>()).Returns(new WorkspaceAccess(false, null));

        // The name is invalid, but a non-member must get "not found", not a validation error.
        await Assert.ThrowsAsync<NotFoundException>(() =>
            scope.ServiceProvider.GetRequiredService<IMediator>().Send(new UpdateWorkspace(Guid.CreateVersion7(), "", null)));
    }

    [Fact]
    public async Task A_member_sending_an_invalid_command_gets_validation_errors()
    {
        await using var provider = Build();
        using var scope = provider.CreateScope();
        var user = Guid.CreateVersion7();
        scope.ServiceProvider.GetRequiredService<RequestContext>().Principal = Principal.ForUser(user, "u@example.com", false);
        _access.GetAsync(Arg.Any<Guid>(), user, Arg.Any<CancellationToken>()).Returns(new WorkspaceAccess(false, Role.Owner));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            scope.ServiceProvider.GetRequiredService<IMediator>().Send(new UpdateWorkspace(Guid.CreateVersion7(), "", null)));

        Assert.Contains("name", error.Errors.Keys);
    }

    private sealed class NoRepository<T> : IRepository<T> where T : class
    {
        public Task<T?> FirstOrDefaultAsync(Ardalis.Specification.ISpecification<T> specification, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<TResult?> FirstOrDefaultAsync<TResult>(Ardalis.Specification.ISpecification<T, TResult> specification, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<List<T>> ListAsync(Ardalis.Specification.ISpecification<T> specification, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<List<TResult>> ListAsync<TResult>(Ardalis.Specification.ISpecification<T, TResult> specification, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> AnyAsync(Ardalis.Specification.ISpecification<T> specification, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<int> CountAsync(Ardalis.Specification.ISpecification<T> specification, CancellationToken cancellationToken) => throw new NotSupportedException();
        public void Add(T entity) => throw new NotSupportedException();
        public void Remove(T entity) => throw new NotSupportedException();
    }
}
