using IaGenify.Application.Common.Exceptions;
using IaGenify.Cli.Commands;
using IaGenify.Cli.Hosting;
using IaGenify.Cli.Parsing;
using IaGenify.Domain.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Cli;

/// <summary>Entry point of the admin CLI; tests call it in-process with their own writers and configuration.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        IReadOnlyDictionary<string, string?>? configuration = null, CancellationToken cancellationToken = default)
    {
        var catalog = CommandCatalog.Discover();
        CommandLine line;
        try
        {
            line = CommandLine.Parse(args, catalog);
        }
        catch (CliUsageException usage)
        {
            await error.WriteLineAsync($"error: {usage.Message}");
            await error.WriteLineAsync($"Run '{CommandCatalog.ToolName} --help' for the list of commands.");
            return ExitCodes.Usage;
        }

        if (line.Command is null)
        {
            await output.WriteLineAsync(catalog.GeneralHelp(line.Words));
            return ExitCodes.Success;
        }
        if (line.Help)
        {
            await output.WriteLineAsync(CommandCatalog.CommandHelp(line.Command));
            return ExitCodes.Success;
        }

        try
        {
            using var host = CliHost.Build(line.Connection, configuration);
            var invocation = new CliInvocation(host.Services, host.Services.GetRequiredService<IConfiguration>(), line.Options, output);
            return await line.Command.RunAsync(invocation, cancellationToken);
        }
        catch (CliUsageException usage)
        {
            await error.WriteLineAsync($"error: {usage.Message}");
            await error.WriteLineAsync($"Run '{CommandCatalog.ToolName} {line.Command.Name} --help' for its options.");
            return ExitCodes.Usage;
        }
        catch (RequestValidationException invalid)
        {
            await error.WriteLineAsync($"error: {invalid.Code}: {invalid.Message}");
            foreach (var (field, messages) in invalid.Errors)
                await error.WriteLineAsync($"  {field}: {string.Join(" ", messages)}");
            return ExitCodes.Failed;
        }
        catch (DomainException refused)
        {
            await error.WriteLineAsync($"error: {refused.Code}: {refused.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Failed;
        }
    }
}
