using System.Diagnostics;

namespace IaGenify.Api.Tests.Support;

/// <summary>
/// s3rver (npm 3.7.1, installed under .data/tools by scripts/test.sh, or found through IAGENIFY_S3RVER) on a free
/// loopback port with a temporary data folder: a real server speaking the S3 protocol, for the S3 adapter.
/// </summary>
public sealed class S3Server : IAsyncLifetime
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly string _directory = Directory.CreateTempSubdirectory("iagenify-s3rver-").FullName;
    private Process? _process;

    public int Port { get; } = LocalPorts.Free();
    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Settings that point the API's object storage at this server, in the given bucket.</summary>
    public Dictionary<string, string?> Settings(string bucket) => new()
    {
        ["Storage:Provider"] = "s3",
        ["Storage:S3:ServiceUrl"] = ServiceUrl,
        ["Storage:S3:Bucket"] = bucket,
        ["Storage:S3:AccessKey"] = AccessKey,
        ["Storage:S3:SecretKey"] = SecretKey,
        ["Storage:S3:CreateBucket"] = "true",
        ["Storage:S3:PartSizeBytes"] = (5 * 1024 * 1024).ToString(),
    };

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Script(), "-d", _directory, "-a", "127.0.0.1", "-p", Port.ToString(), "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("s3rver did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await LocalPorts.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(20));
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
        Directory.Delete(_directory, recursive: true);
    }

    private static string Script()
    {
        if (Environment.GetEnvironmentVariable("IAGENIFY_S3RVER") is { Length: > 0 } configured)
            return configured;
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, ".data", "tools", "node_modules", "s3rver", "bin", "s3rver.js");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException("s3rver is not installed: run the tests with scripts/test.sh, which installs it under .data/tools.");
    }
}
