using System.Diagnostics;

namespace IaGenify.Api.Tests.Support;

/// <summary>
/// A real redis-server (Debian's package; scripts/test.sh installs it) on a free loopback port, without
/// persistence, for one test class. It can be killed and started again on the same port, as an outage.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public int Port { get; } = LocalPorts.Free();

    /// <summary>The value of <c>Redis:Connection</c> that reaches this server.</summary>
    public string Connection => $"127.0.0.1:{Port}";

    public Task InitializeAsync() => StartAsync();

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await LocalPorts.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(10));
    }

    /// <summary>Kills the server at once (SIGKILL), as a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
            return;
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public Task DisposeAsync() => KillAsync();
}
