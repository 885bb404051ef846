using System.Globalization;
using IaGenify.Application.Common.Security;
using IaGenify.Cli.Parsing;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Cli.Commands;

/// <summary>What a running command gets: its parsed options, the services, and where to print.</summary>
public sealed class CliInvocation(
    IServiceProvider services,
    IConfiguration configuration,
    IReadOnlyDictionary<string, string?> options,
    TextWriter output)
{
    public IServiceProvider Services { get; } = services;
    public IConfiguration Configuration { get; } = configuration;
    public TextWriter Out { get; } = output;

    public string? Option(string name) => options.GetValueOrDefault(name);

    public bool Flag(string name) => options.ContainsKey(name);

    public int? IntOption(string name)
    {
        var value = Option(name);
        if (value is null)
            return null;
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new CliUsageException($"--{name} must be a whole number, not '{value}'.");
    }

    /// <summary>An option parsed as <typeparamref name="T"/> (a GUID, a number, an ISO-8601 time), or null when absent.</summary>
    public T? Parsed<T>(string name) where T : struct, IParsable<T>
    {
        var value = Option(name);
        if (value is null)
            return null;
        return T.TryParse(value, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new CliUsageException($"--{name} is not a valid {typeof(T).Name}: '{value}'.");
    }

    public T Required<T>(string name) where T : struct, IParsable<T> =>
        Parsed<T>(name) ?? throw new CliUsageException($"--{name} is required.");

    public string Required(string name) => Option(name) ?? throw new CliUsageException($"--{name} is required.");

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
