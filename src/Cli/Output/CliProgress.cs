using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace IaGenify.Cli.Output;

/// <summary>
/// Progress of a long operation on stderr: a live Spectre.Console bar or spinner on a terminal, otherwise one line
/// when it starts and one when it ends (with its duration), so that scheduled runs leave a readable log.
/// </summary>
public sealed class CliProgress(CliConsole console)
{
    /// <summary>An operation whose size is not known in advance: a spinner with the elapsed time.</summary>
    public async Task<T> RunAsync<T>(string label, Func<Task<T>> work)
    {
        if (!console.Interactive)
            return await PlainAsync(label, work);
        return await Terminal().Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label));
                task.IsIndeterminate = true;
                var result = await work();
                task.StopTask();
                return result;
            });
    }

    /// <summary>An operation of <paramref name="total"/> steps; <paramref name="work"/> calls its argument after each one.</summary>
    public async Task CountAsync(string label, int total, Func<Action<string>, Task> work)
    {
        if (!console.Interactive)
        {
            var done = 0;
            await PlainAsync(label, async () =>
            {
                await work(step => console.Error.WriteLine(
                    string.Create(CultureInfo.InvariantCulture, $"{label}: {++done}/{total} {step}")));
                return 0;
            });
            return;
        }
        await Terminal().Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: Math.Max(total, 1));
                await work(_ => task.Increment(1));
                task.StopTask();
            });
    }

    private async Task<T> PlainAsync<T>(string label, Func<Task<T>> work)
    {
        await console.Error.WriteLineAsync($"{label}...");
        var clock = Stopwatch.StartNew();
        var result = await work();
        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{label}: done in {clock.Elapsed.TotalSeconds:0.0} s"));
        return result;
    }

    private IAnsiConsole Terminal() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(console.Error),
        Interactive = InteractionSupport.Yes,
    });
}
