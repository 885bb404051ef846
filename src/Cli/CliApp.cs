using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Data.Common;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Cli.Commands;
using IaGenify.Cli.Output;
using IaGenify.Cli.Hosting;
using IaGenify.Domain.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Cli;

/// <summary>
/// Entry point of the admin CLI; tests call it in-process with their own writers and settings. System.CommandLine
/// parses, validates, prints help and completes (<c>[suggest]</c> directive); this class maps outcomes to the exit
/// codes of <see cref="ExitCodes"/>.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CliHostSettings? settings = null,
        CancellationToken cancellationToken = default)
    {
        settings ??= new CliHostSettings();
        var connection = new Option<string>("--connection")
        {
            Description = "PostgreSQL connection string (default: ConnectionStrings__Default, appsettings.json, " +
                          $"then the database scripts/run.sh serves, from {LocalSettings.RelativePath})",
            HelpName = "connection-string",
        };
        var root = CommandTree.Build(CommandTree.Discover(), connection,
            (command, parseResult, token) => RunCommandAsync(command, parseResult, parseResult.GetValue(connection), console, settings, token));

        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction errors)
            errors.ShowHelp = false;
        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        }, cancellationToken);
        if (parseResult.Action is not ParseErrorAction)
            return exitCode;
        await console.Error.WriteLineAsync($"Run '{CommandPath(parseResult.CommandResult)} --help' for usage.");
        return ExitCodes.Usage;
    }

    private static async Task<int> RunCommandAsync(ICliCommand command, ParseResult parseResult, string? connection,
        CliConsole console, CliHostSettings settings, CancellationToken cancellationToken)
    {
        string? source = null;
        try
        {
            using var host = CliHost.Build(connection, settings);
            var configuration = host.Services.GetRequiredService<IConfiguration>();
            source = CliConfiguration.ConnectionSource((IConfigurationRoot)configuration);
            var invocation = new CliInvocation(parseResult, host.Services, configuration, console);
            return await command.RunAsync(invocation, cancellationToken);
        }
        catch (CliUsageException usage)
        {
            await console.Error.WriteLineAsync($"error: {usage.Message}");
            await console.Error.WriteLineAsync($"Run '{CommandTree.ToolName} {command.Name} --help' for usage.");
            return ExitCodes.Usage;
        }
        catch (RequestValidationException invalid)
        {
            await console.Error.WriteLineAsync($"error: {invalid.Code}: {invalid.Message}");
            foreach (var (field, messages) in invalid.Errors)
                await console.Error.WriteLineAsync($"  {field}: {string.Join(" ", messages)}");
            return ExitCodes.Failed;
        }
        catch (DomainException refused)
        {
            await console.Error.WriteLineAsync($"error: {refused.Code}: {refused.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is DbException || ex.InnerException is DbException)
        {
            var database = ex as DbException ?? (DbException)ex.InnerException!;
            await console.Error.WriteLineAsync($"error: {database.GetType().Name}: {database.Message}");
            await console.Error.WriteLineAsync($"  (database connection from {source ?? "nowhere"})");
            return ExitCodes.Failed;
        }
        catch (Exception ex)
        {
            await console.Error.WriteLineAsync($"error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    private static string CommandPath(CommandResult result)
    {
        var words = new List<string>();
        for (SymbolResult? current = result; current is CommandResult command; current = command.Parent)
            words.Insert(0, command.Command is RootCommand ? CommandTree.ToolName : command.Command.Name);
        return string.Join(' ', words);
    }
}
