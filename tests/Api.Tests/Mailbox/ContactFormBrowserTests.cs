using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IaGenify.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Mailbox;

/// <summary>
/// A visitor with JavaScript turned off fills the rendered contact form in headless Chromium (driven through the
/// DevTools protocol: focus, typed text, Enter) and lands on the thank-you page; the message is in the inbox. The
/// browser enforces the page's CSP, so a form-action the policy did not allow would fail here.
/// </summary>
public sealed class ContactFormBrowserTests(ApiFixture fixture) : MailboxTestBase(fixture)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_contact_form_works_without_javascript_and_lands_on_the_thank_you_page()
    {
        Assert.True(File.Exists(Chromium), "Chromium is required; scripts/test.sh installs it with apt-get (package chromium).");
        var (team, _, slug) = await PublishedSiteAsync("Browser Bakery");

        await using var server = new ApiFactory(Fixture.ConnectionString);
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");
        var url = $"{address.TrimEnd('/')}/sites/{slug}/contact";

        var profile = Directory.CreateTempSubdirectory("iagenify-chromium-");
        using var browser = StartChromium(profile.FullName);
        try
        {
            await using var page = await DevTools.ConnectAsync(browser);
            await page.CallAsync("Page.enable");
            await page.NavigateAsync(url);

            await page.TypeAsync("#cf-name", "Grace Hopper");
            await page.TypeAsync("#cf-email", "grace@example.org");
            await page.TypeAsync("#cf-message", "Can I order a cake without JavaScript?");
            await page.FocusAsync("form.contact-form button[type=submit]");
            var loaded = page.WaitForEventAsync("Page.loadEventFired");
            await page.CallAsync("Input.dispatchKeyEvent", new JsonObject
            {
                ["type"] = "keyDown", ["key"] = "Enter", ["code"] = "Enter", ["windowsVirtualKeyCode"] = 13, ["text"] = "\r",
            });
            await page.CallAsync("Input.dispatchKeyEvent", new JsonObject { ["type"] = "keyUp", ["key"] = "Enter", ["code"] = "Enter", ["windowsVirtualKeyCode"] = 13 });
            await loaded;

            var history = await page.CallAsync("Page.getNavigationHistory");
            var current = history["entries"]![(int)history["currentIndex"]!]!;
            Assert.EndsWith($"/sites/{slug}/contact/thanks", (string)current["url"]!);
            Assert.Contains("Thank you!", await page.HtmlAsync());

            var thread = (await ThreadsAsync(team.Member.Client, team.WorkspaceId)).Items.Single();
            Assert.Equal("grace@example.org", thread.From.Email);
            Assert.Equal("Can I order a cake without JavaScript?", thread.Snippet);
        }
        finally
        {
            if (!browser.HasExited)
                browser.Kill(entireProcessTree: true);
            await browser.WaitForExitAsync();
            profile.Delete(recursive: true);
        }
    }

    private static Process StartChromium(string profile)
    {
        var start = new ProcessStartInfo(Chromium) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--blink-settings=scriptEnabled=false", "--remote-debugging-address=127.0.0.1",
                     "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank",
                 })
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
    }

    /// <summary>A minimal Chrome DevTools Protocol client for one page: calls by id, and waiting for an event.</summary>
    private sealed class DevTools : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly Dictionary<int, TaskCompletionSource<JsonObject>> _calls = [];
        private readonly List<(string Method, TaskCompletionSource Waiter)> _waiters = [];
        private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(90));
        private int _nextId;
        private Task _receiving = Task.CompletedTask;

        public static async Task<DevTools> ConnectAsync(Process browser)
        {
            var endpoint = await BrowserEndpointAsync(browser);
            using var http = new HttpClient();
            var targets = JsonNode.Parse(await http.GetStringAsync($"http://{endpoint}/json/list"))!.AsArray();
            var target = targets.First(t => (string?)t!["type"] == "page")!;
            var tools = new DevTools();
            await tools._socket.ConnectAsync(new Uri((string)target["webSocketDebuggerUrl"]!), tools._stop.Token);
            tools._receiving = tools.ReceiveAsync();
            return tools;
        }

        public async Task<JsonObject> CallAsync(string method, JsonObject? parameters = null)
        {
            var id = Interlocked.Increment(ref _nextId);
            var result = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_calls)
                _calls[id] = result;
            var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, _stop.Token);
            return await result.Task.WaitAsync(_stop.Token);
        }

        public Task WaitForEventAsync(string method)
        {
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_waiters)
                _waiters.Add((method, waiter));
            return waiter.Task.WaitAsync(_stop.Token);
        }

        public async Task NavigateAsync(string url)
        {
            var loaded = WaitForEventAsync("Page.loadEventFired");
            await CallAsync("Page.navigate", new JsonObject { ["url"] = url });
            await loaded;
        }

        public async Task FocusAsync(string selector)
        {
            var root = await CallAsync("DOM.getDocument");
            var node = await CallAsync("DOM.querySelector", new JsonObject { ["nodeId"] = (int)root["root"]!["nodeId"]!, ["selector"] = selector });
            var nodeId = (int)node["nodeId"]!;
            Assert.True(nodeId != 0, $"No element matches {selector}.");
            await CallAsync("DOM.focus", new JsonObject { ["nodeId"] = nodeId });
        }

        public async Task TypeAsync(string selector, string text)
        {
            await FocusAsync(selector);
            await CallAsync("Input.insertText", new JsonObject { ["text"] = text });
        }

        public async Task<string> HtmlAsync()
        {
            var root = await CallAsync("DOM.getDocument");
            return (string)(await CallAsync("DOM.getOuterHTML", new JsonObject { ["nodeId"] = (int)root["root"]!["nodeId"]! }))["outerHTML"]!;
        }

        private async Task ReceiveAsync()
        {
            var buffer = new byte[1 << 20];
            using var message = new MemoryStream();
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                WebSocketReceiveResult received;
                try
                {
                    received = await _socket.ReceiveAsync(buffer, _stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
                {
                    return;
                }
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                    continue;
                var json = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                if (json["id"] is { } id)
                {
                    TaskCompletionSource<JsonObject>? call;
                    lock (_calls)
                        _calls.Remove((int)id, out call);
                    if (json["error"] is { } error)
                        call?.TrySetException(new InvalidOperationException(error.ToJsonString()));
                    else
                        call?.TrySetResult(json["result"]?.AsObject() ?? new JsonObject());
                }
                else if ((string?)json["method"] is { } method)
                {
                    lock (_waiters)
                        foreach (var waiter in _waiters.Where(w => w.Method == method).ToList())
                        {
                            waiter.Waiter.TrySetResult();
                            _waiters.Remove(waiter);
                        }
                }
            }
        }

        private static async Task<string> BrowserEndpointAsync(Process browser)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await browser.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                const string marker = "DevTools listening on ws://";
                var at = line.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var rest = line[(at + marker.Length)..];
                    DrainInBackground(browser);
                    return rest[..rest.IndexOf('/')];
                }
            }
            throw new InvalidOperationException("Chromium did not open its DevTools endpoint.");
        }

        /// <summary>Keeps reading the browser's output so that a full pipe never blocks it.</summary>
        private static void DrainInBackground(Process browser)
        {
            _ = browser.StandardError.ReadToEndAsync();
            _ = browser.StandardOutput.ReadToEndAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _socket.Abort();
            _socket.Dispose();
            await _receiving;
            _stop.Dispose();
        }
    }
}
