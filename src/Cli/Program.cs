using IaGenify.Cli;
using IaGenify.Cli.Output;

// System.CommandLine cancels the command's token on Ctrl-C / SIGTERM.
return await CliApp.RunAsync(args, new CliConsole(Console.Out, Console.Error, Interactive: !Console.IsErrorRedirected));
