using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IaGenify.Cluster;

/// <summary>
/// The customers' webhook receiver: a real HTTP server on 127.0.0.1 that counts every delivery by its
/// <c>webhook-id</c> (the event id) and answers 200.
/// </summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _received = new();
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public IReadOnlyDictionary<string, int> Received => _received;

    public static async Task<WebhookSink> StartAsync(int port)
    {
        var sink = new WebhookSink();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/hook", (HttpContext http) =>
        {
            sink._received.AddOrUpdate(http.Request.Headers["webhook-id"].ToString(), 1, (_, n) => n + 1);
            return Results.Ok();
        });
        await app.StartAsync();
        sink._app = app;
        sink.Url = $"http://127.0.0.1:{port}/hook";
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
