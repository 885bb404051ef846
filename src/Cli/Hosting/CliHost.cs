using System.Security.Cryptography;
using IaGenify.Application;
using IaGenify.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace IaGenify.Cli.Hosting;

/// <summary>
/// The same service provider as the API (<c>AddApplication</c> + <c>AddInfrastructure</c>), configured from
/// <see cref="CliConfiguration"/>'s sources. The host is built but never started, so background workers do not
/// run: the CLI does one thing and exits.
/// </summary>
internal static class CliHost
{
    public static IHost Build(string? connection, CliHostSettings? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                              ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                              ?? Environments.Production,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        CliConfiguration.AddSources(builder.Configuration, connection, settings ?? new CliHostSettings());
        if (CliConfiguration.ConnectionSource(builder.Configuration) is null)
            throw new CliUsageException("No database connection: pass --connection, set ConnectionStrings__Default, " +
                                        $"or start scripts/run.sh from this checkout (it writes {LocalSettings.RelativePath}).");
        // Commands that register users (seed-demo) mint access tokens the CLI throws away; a key of its own
        // lets them run where no signing key is configured.
        builder.Configuration["Jwt:SigningKey"] ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // Logs go to stderr so that stdout carries only the command's output.
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddApplication(builder.Configuration);
        builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
        return builder.Build();
    }
}
