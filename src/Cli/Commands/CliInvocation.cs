using System.CommandLine;
using IaGenify.Application.Common.Security;
using IaGenify.Cli.Output;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Cli.Commands;

/// <summary>What a running command gets: its parsed options, the services, where to print and its progress display.</summary>
public sealed class CliInvocation(
    ParseResult parseResult,
    IServiceProvider services,
    IConfiguration configuration,
    CliConsole console)
{
    public IServiceProvider Services { get; } = services;
    public IConfiguration Configuration { get; } = configuration;
    public TextWriter Out { get; } = console.Out;
    public CliProgress Progress { get; } = new(console);

    /// <summary>The option's value (already parsed and validated by System.CommandLine), or its default when absent.</summary>
    public T? Value<T>(Option<T> option) => parseResult.GetValue(option);

    /// <summary>
    /// Sends a request in a scope of its own as the system principal, through the same pipeline as the API:
    /// authorization (platform-admin requests are audited), validation, one transaction.
    /// </summary>
    public async Task<T> SendAsync<T>(IRequest<T> request, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }
}
