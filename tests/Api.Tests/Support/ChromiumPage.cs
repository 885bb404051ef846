using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IaGenify.Api.Tests.Support;

/// <summary>
/// One tab of headless Chromium (Debian's package, installed by scripts/test.sh) driven through the DevTools protocol,
/// so that a test can fill in and submit a page's form and read what its script shows, as a person would.
/// </summary>
public sealed partial class ChromiumPage : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket;
    private int _lastId;

    private ChromiumPage(Process process, DirectoryInfo profile, ClientWebSocket socket) =>
        (_process, _profile, _socket) = (process, profile, socket);

    public static async Task<ChromiumPage> StartAsync()
    {
        Assert.True(File.Exists(Chromium),
            $"Chromium is required for the browser tests and was not found at {Chromium}; scripts/test.sh installs it with apt-get (package chromium).");
        var profile = Directory.CreateTempSubdirectory("iagenify-chromium-");
        var start = new ProcessStartInfo(Chromium) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                     $"--user-data-dir={profile.FullName}", "about:blank",
                 })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        _ = process.StandardOutput.ReadToEndAsync();

        // Chromium prints the DevTools address on stderr once it listens.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Uri? browser = null;
        while (browser is null && await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
            if (DevToolsAddress().Match(line) is { Success: true } match)
                browser = new Uri(match.Groups[1].Value);
        if (browser is null)
            throw new InvalidOperationException("Chromium did not open its DevTools port.");
        _ = process.StandardError.ReadToEndAsync();

        using var http = new HttpClient();
        var targets = await http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{browser.Port}/json/list", timeout.Token);
        var page = targets.EnumerateArray().First(t => t.GetProperty("type").GetString() == "page")
            .GetProperty("webSocketDebuggerUrl").GetString()!;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(page), timeout.Token);
        return new ChromiumPage(process, profile, socket);
    }

    /// <summary>Opens the URL and waits until the document and its scripts have loaded.</summary>
    public async Task OpenAsync(string url)
    {
        await SendAsync("Page.navigate", new { url });
        await WaitForAsync($"location.href === {JsonSerializer.Serialize(url)} && document.readyState === 'complete'");
    }

    /// <summary>The value of a JavaScript expression (awaited when it is a promise), as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var reply = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (reply.TryGetProperty("exceptionDetails", out var exception))
            throw new InvalidOperationException($"The page threw: {exception}");
        return reply.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    /// <summary>Sets the value of each input (by id) and submits the form, as typing and pressing Enter would.</summary>
    public Task FillAndSubmitAsync(string formId, IReadOnlyDictionary<string, string> inputs) => EvaluateAsync(
        string.Concat(inputs.Select(i => $"document.getElementById({JsonSerializer.Serialize(i.Key)}).value = {JsonSerializer.Serialize(i.Value)};")) +
        $"document.getElementById({JsonSerializer.Serialize(formId)}).requestSubmit(); true");

    /// <summary>Waits until the expression is true in the page.</summary>
    public Task WaitForAsync(string condition) => Wait.UntilAsync(async () =>
        await EvaluateAsync($"Boolean({condition})") is { ValueKind: JsonValueKind.True },
        describe: () => $"The page never satisfied: {condition}");

    /// <summary>The text of the page's <c>#result</c> line once its script has written it.</summary>
    public async Task<(string Text, bool Ok)> ResultAsync()
    {
        await WaitForAsync("document.getElementById('result').className !== ''");
        var result = await EvaluateAsync("({ text: document.getElementById('result').textContent, ok: document.getElementById('result').className === 'ok' })");
        return (result.GetProperty("text").GetString()!, result.GetProperty("ok").GetBoolean());
    }

    private async Task<JsonElement> SendAsync(string method, object parameters)
    {
        var id = Interlocked.Increment(ref _lastId);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters }),
            WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, received.Count);
            } while (!received.EndOfMessage);
            using var document = JsonDocument.Parse(message.ToArray());
            // Events arrive between replies; only the reply to this command matters.
            if (!document.RootElement.TryGetProperty("id", out var replyId) || replyId.GetInt32() != id)
                continue;
            if (document.RootElement.TryGetProperty("error", out var error))
                throw new InvalidOperationException($"{method} failed: {error}");
            return document.RootElement.GetProperty("result").Clone();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium's helpers may still hold a file for a moment; the folder is in the temporary directory.
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsAddress();
}
