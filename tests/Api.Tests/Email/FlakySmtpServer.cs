using System.Diagnostics;
using IaGenify.Api.Tests.Support;
using MimeKit;

namespace IaGenify.Api.Tests.Email;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd, installed by scripts/test.sh) on a loopback port that answers
/// "451 try again later" to the first <c>failures</c> messages, then accepts and writes each message to a folder.
/// </summary>
public sealed class FlakySmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private const string Handler = """
        import os

        class Handler:
            def __init__(self, folder, failures):
                self.folder = folder
                self.failures = int(failures)
                self.seen = 0

            @classmethod
            def from_cli(cls, parser, *args):
                return cls(*args)

            async def handle_DATA(self, server, session, envelope):
                self.seen += 1
                if self.seen <= self.failures:
                    return '451 4.3.0 Try again later'
                path = os.path.join(self.folder, '%d.eml' % self.seen)
                with open(path + '.tmp', 'wb') as f:
                    f.write(envelope.original_content)
                os.rename(path + '.tmp', path)
                return '250 OK'
        """;

    private readonly Process _process;
    private readonly DirectoryInfo _root;
    private readonly string _received;

    private FlakySmtpServer(Process process, DirectoryInfo root, string received, int port)
    {
        _process = process;
        _root = root;
        _received = received;
        Port = port;
    }

    public int Port { get; }

    public static async Task<FlakySmtpServer> StartAsync(int failures)
    {
        Assert.True(File.Exists(Python), "python3 is required (scripts/test.sh installs python3-aiosmtpd).");
        var root = Directory.CreateTempSubdirectory("iagenify-flaky-smtp-");
        var received = Directory.CreateDirectory(Path.Combine(root.FullName, "received")).FullName;
        await File.WriteAllTextAsync(Path.Combine(root.FullName, "flaky_smtp.py"), Handler);
        var port = LocalPorts.Free();
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "flaky_smtp.Handler", received, failures.ToString() },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["PYTHONPATH"] = root.FullName;
        var process = Process.Start(start)!;
        var server = new FlakySmtpServer(process, root, received, port);
        try
        {
            await LocalPorts.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(20));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>The messages accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Received() =>
        Directory.GetFiles(_received, "*.eml").Select(f => MimeMessage.Load(f)).ToList();

    public IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Email:Provider"] = "Smtp",
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = Port.ToString(),
        ["Email:SmtpUseSsl"] = "false",
        ["Email:From"] = "IaGenify <no-reply@iagenify.test>",
    };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _root.Delete(recursive: true);
    }
}
