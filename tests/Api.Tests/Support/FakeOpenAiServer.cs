using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IaGenify.Api.Tests.Support;

/// <summary>A request the fake server received.</summary>
public sealed record FakeRequest(string Path, string? Authorization, JsonElement Body);

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 (a random port) for adapter tests: it records every request and answers
/// with the responses a test queued, in order (429 with Retry-After, 500, slow answers...). With none queued it
/// answers 500.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _responses = new();
    private readonly WebApplication _app;

    private FakeOpenAiServer(WebApplication app) => _app = app;

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();
    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/{**endpoint}", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1";
        return server;
    }

    public void Reset()
    {
        _responses.Clear();
        Requests.Clear();
    }

    public void Enqueue(Func<HttpContext, Task> response) => _responses.Enqueue(response);

    public void EnqueueChat(string content, string model = "fake-chat") => Enqueue(context => context.Response.WriteAsJsonAsync(new
    {
        id = "chatcmpl-1",
        @object = "chat.completion",
        created = 1_700_000_000,
        model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    }));

    public void EnqueueImage(byte[] image) => Enqueue(context => context.Response.WriteAsJsonAsync(new
    {
        created = 1_700_000_000,
        data = new[] { new { b64_json = Convert.ToBase64String(image) } },
    }));

    public void EnqueueStatus(int status, string? retryAfter = null) => Enqueue(async context =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
            context.Response.Headers.RetryAfter = retryAfter;
        await context.Response.WriteAsJsonAsync(new { error = new { message = "canned failure", type = "server_error" } });
    });

    /// <summary>Answers only when <paramref name="release"/> completes (a stalled model).</summary>
    public void EnqueueStalledChat(Task release, string content) => Enqueue(async context =>
    {
        await release.WaitAsync(context.RequestAborted);
        await context.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-2",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "fake-chat",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        });
    });

    public async Task WaitForRequestsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Requests.Count < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The fake model server received {Requests.Count} request(s), not {count}.");
            await Task.Delay(20);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        Requests.Enqueue(new FakeRequest(context.Request.Path, context.Request.Headers.Authorization.ToString(), body));
        if (_responses.TryDequeue(out var respond))
            await respond(context);
        else
            context.Response.StatusCode = 500;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// The fake server and an API host that talks to it (Ai:Provider openai), shared by a test class. The host uses the
/// collection's database; tests reset it as usual.
/// </summary>
public sealed class OpenAiFixture : IAsyncLifetime
{
    private ApiFactory? _factory;

    public FakeOpenAiServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await FakeOpenAiServer.StartAsync();

    public ApiFactory FactoryFor(ApiFixture api) => _factory ??= new ApiFactory(api.ConnectionString, settings: new Dictionary<string, string?>
    {
        ["Ai:Provider"] = "openai",
        ["Ai:Endpoint"] = Server.BaseUrl,
        ["Ai:ApiKey"] = "test-key",
        ["Ai:Model"] = "fake-chat",
        ["Ai:ImageModel"] = "fake-image",
        ["Ai:Timeout"] = "00:00:30",
    });

    public async Task DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
        await Server.DisposeAsync();
    }
}
