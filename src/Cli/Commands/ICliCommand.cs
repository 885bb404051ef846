using System.CommandLine;

namespace IaGenify.Cli.Commands;

/// <summary>
/// One command of the admin CLI. Any non-abstract class of this assembly implementing it (with a parameterless
/// constructor) is a command: adding a command is adding one file. Its options are System.CommandLine options
/// (<see cref="CliOptions"/> makes the usual kinds), so parsing, validation, help and completion are the library's.
/// It runs against the same service provider as the API and sends the same MediatR requests, as the system
/// principal (<see cref="CliInvocation.SendAsync{T}"/>).
/// </summary>
public interface ICliCommand
{
    /// <summary>The words that invoke it: <c>migrate</c>, <c>workspaces list</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    IReadOnlyList<Option> Options => [];

    /// <summary>Returns the exit code; throw <see cref="CliUsageException"/> for a value the parser could not check.</summary>
    Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken);
}
