namespace IaGenify.Cli;

/// <summary>
/// A value the command line parser cannot check (it depends on configuration, e.g. a password that may come from
/// the environment) is missing or wrong; the CLI prints the message and exits with 2, like a parse error.
/// </summary>
public sealed class CliUsageException(string message) : Exception(message);
