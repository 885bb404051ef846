using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IaGenify.Api.Tests.Support;

/// <summary>
/// A real DNS server (Debian's dnsmasq) on a loopback port, answering only the TXT records a test gives it. dnsmasq
/// cannot reload TXT records, so changing them restarts it on the same port.
/// </summary>
public sealed class DnsTestServer : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/dnsmasq";
    private readonly int _port = FreeUdpPort();
    private Process? _process;

    public string Endpoint => $"127.0.0.1:{_port}";

    public static async Task<DnsTestServer> StartAsync(params (string Name, string Value)[] records)
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} is missing: scripts/test.sh installs dnsmasq-base.");
        var server = new DnsTestServer();
        await server.SetRecordsAsync(records);
        return server;
    }

    public async Task SetRecordsAsync(params (string Name, string Value)[] records)
    {
        await StopAsync();
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "--keep-in-foreground", $"--port={_port}", "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv",
                     "--no-hosts", "--conf-file=/dev/null", "--pid-file=", "--cache-size=0",
                 })
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in records)
            start.ArgumentList.Add($"--txt-record={name},{value}");
        _process = Process.Start(start) ?? throw new InvalidOperationException("dnsmasq did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"dnsmasq exited with code {_process.ExitCode}.");
            using var probe = new UdpClient();
            // A minimal query for "." type NS; any answer means the server is up.
            byte[] query = [0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01];
            await probe.SendAsync(query, new IPEndPoint(IPAddress.Loopback, _port));
            var receive = probe.ReceiveAsync();
            if (await Task.WhenAny(receive, Task.Delay(200)) == receive)
                return;
        }
        throw new TimeoutException("dnsmasq did not answer within 10 s.");
    }

    private async Task StopAsync()
    {
        if (_process is null)
            return;
        if (!_process.HasExited)
            _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    private static int FreeUdpPort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
