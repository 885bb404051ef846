using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IaGenify.Api.Tests.Support;

/// <summary>A webhook as a receiver saw it, with its own verdict on the Standard Webhooks signature.</summary>
public sealed record ReceivedWebhook(string Id, long Timestamp, bool SignatureValid, JsonElement Body, int Attempt, int AnsweredStatus)
{
    public string Type => Body.GetProperty("type").GetString()!;
    public JsonElement Data => Body.GetProperty("data");
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (random port) that receives webhooks the way a customer would: it verifies the
/// signature with the endpoint secret, records what came, and answers with the status <see cref="Respond"/> picks for
/// each attempt of an id (1 for the first time an id is seen).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private WebApplication? _app;

    private WebhookReceiver()
    {
    }

    public string BaseUrl { get; private set; } = "";
    public string Url => BaseUrl + "/hook";
    public int Port => new Uri(BaseUrl).Port;

    /// <summary>The endpoint secret (<c>whsec_...</c>) used to verify signatures.</summary>
    public string? Secret { get; set; }

    public Func<int, int> Respond { get; set; } = _ => 200;

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToArray();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        receiver._app = app;
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return receiver;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived and returns them.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        await Wait.UntilAsync(() => Task.FromResult(_received.Count >= count), timeout,
            () => $"The receiver got {_received.Count} of {count} expected webhook(s).");
        return Received;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var id = request.Headers["webhook-id"].ToString();
        var timestamp = long.Parse(request.Headers["webhook-timestamp"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var valid = SignatureIsValid(id, timestamp, body, request.Headers["webhook-signature"].ToString());
        var attempt = _attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
        var status = Respond(attempt);
        _received.Enqueue(new ReceivedWebhook(id, timestamp, valid, JsonSerializer.Deserialize<JsonElement>(body), attempt, status));
        return Results.StatusCode(status);
    }

    /// <summary>The receiver side of Standard Webhooks, written independently of the platform's signer.</summary>
    private bool SignatureIsValid(string id, long timestamp, byte[] body, string header)
    {
        if (Secret is null || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp) > 300)
            return false;
        using var hmac = new HMACSHA256(Convert.FromBase64String(Secret["whsec_".Length..]));
        var expected = "v1," + Convert.ToBase64String(hmac.ComputeHash([.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body]));
        return header.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(s), Encoding.UTF8.GetBytes(expected)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
