using IaGenify.Cli.Parsing;

namespace IaGenify.Cli.Commands;

/// <summary>An option of a command: <c>--name value</c> (or <c>--name=value</c>), or a flag when it takes no value.</summary>
public sealed record CliOption(string Name, string Description, string? ValueName = "value")
{
    public bool IsFlag => ValueName is null;
}

/// <summary>
/// One command of the admin CLI. Any non-abstract class of this assembly implementing it (with a parameterless
/// constructor) is a command: adding a command is adding one file. It runs against the same service provider as
/// the API and sends the same MediatR requests, as the system principal (<see cref="CliInvocation.SendAsync{T}"/>).
/// </summary>
public interface ICliCommand
{
    /// <summary>The words that invoke it: <c>migrate</c>, <c>workspaces list</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    IReadOnlyList<CliOption> Options => [];

    /// <summary>Returns the exit code; throw <see cref="CliUsageException"/> for a bad value.</summary>
    Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken);
}
