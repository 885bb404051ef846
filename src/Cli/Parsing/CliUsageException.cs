namespace IaGenify.Cli.Parsing;

/// <summary>The command line is wrong; the CLI prints the message and the command's usage, and exits with 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
