using System.Diagnostics;

namespace IaGenify.Api.Tests.Support;

/// <summary>
/// The pinned <c>@redocly/cli</c> of the repository (<c>.data/tools</c>), installed by <c>scripts/install-redocly.sh</c>
/// on first use, and linted with the repository's <c>redocly.yaml</c>.
/// </summary>
public static class Redocly
{
    /// <summary>The linter's path, or null when npm is not there to install it.</summary>
    public static string? Locate()
    {
        var root = RepositoryRoot();
        var binary = Path.Combine(root, ".data", "tools", "node_modules", ".bin", "redocly");
        if (File.Exists(binary))
            return binary;
        if (!OnPath("npm") && !OnPath("npx"))
            return null;
        var (exitCode, output) = RunAsync("bash", [Path.Combine(root, "scripts", "install-redocly.sh")], root).GetAwaiter().GetResult();
        return exitCode == 0 && File.Exists(binary) ? binary : throw new InvalidOperationException($"Installing @redocly/cli failed: {output}");
    }

    public static Task<(int ExitCode, string Output)> LintAsync(string redocly, string document)
    {
        var root = RepositoryRoot();
        return RunAsync(redocly, ["lint", "--config", Path.Combine(root, "redocly.yaml"), "--format", "stylish", document], root);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> arguments, string directory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // The linter would otherwise ask the network whether a newer version exists, and report usage.
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Any(directory => File.Exists(Path.Combine(directory, program)));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "IaGenify.sln")))
                return directory.FullName;
        throw new InvalidOperationException("The repository root (IaGenify.sln) was not found above the test binaries.");
    }
}
