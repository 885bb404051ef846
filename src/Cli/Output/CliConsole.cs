namespace IaGenify.Cli.Output;

/// <summary>
/// Where the CLI writes: results on <see cref="Out"/>, errors, logs and progress on <see cref="Error"/> (so that
/// stdout can be piped). <see cref="Interactive"/> is whether <see cref="Error"/> is a terminal, where progress is
/// drawn live; elsewhere (a pipe, a log file, a test) it is written as plain lines.
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool Interactive = false);
