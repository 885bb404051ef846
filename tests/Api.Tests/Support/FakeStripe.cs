using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IaGenify.Api.Tests.Support;

/// <summary>A request the fake Stripe received: form fields as Stripe.net encodes them (<c>metadata[workspace_id]</c>).</summary>
public sealed record StripeRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Form,
    string? IdempotencyKey, string? StripeVersion);

/// <summary>
/// A small Stripe API on 127.0.0.1 for the adapter to talk to (<c>Stripe:ApiBase</c>): customers, Checkout and portal
/// sessions, subscriptions (whatever state a test sets) and the event list. Like Stripe, it answers a repeated
/// idempotency key with the first response.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    private readonly ConcurrentQueue<StripeRequest> _requests = new();
    private readonly ConcurrentDictionary<string, string> _subscriptions = new();
    private readonly ConcurrentDictionary<string, string> _idempotentResponses = new();
    private readonly ConcurrentQueue<string> _events = new();
    private WebApplication? _app;
    private int _sequence;
    private int _failureStatus;

    public string BaseUrl { get; private set; } = string.Empty;
    public IReadOnlyList<StripeRequest> Requests => [.. _requests];

    public static async Task<FakeStripe> StartAsync()
    {
        var fake = new FakeStripe();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        fake.Map(app);
        await app.StartAsync();
        fake._app = app;
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    public void Reset()
    {
        _requests.Clear();
        _subscriptions.Clear();
        _idempotentResponses.Clear();
        _events.Clear();
        Interlocked.Exchange(ref _sequence, 0);
        _failureStatus = 0;
    }

    /// <summary>Every call answers this status with a Stripe error until <see cref="Reset"/> or <c>Fail(0)</c>.</summary>
    public void Fail(int status) => _failureStatus = status;

    /// <summary>What <c>GET /v1/subscriptions/{id}</c> answers from now on: Stripe's current state.</summary>
    public void SetSubscription(string subscriptionJson)
    {
        var id = System.Text.Json.JsonDocument.Parse(subscriptionJson).RootElement.GetProperty("id").GetString()!;
        _subscriptions[id] = subscriptionJson;
    }

    /// <summary>An event <c>GET /v1/events</c> lists (newest first, as Stripe does).</summary>
    public void AddEvent(string eventJson) => _events.Enqueue(eventJson);

    public IReadOnlyList<StripeRequest> RequestsTo(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    private void Map(WebApplication app)
    {
        app.MapPost("/v1/customers", Task<IResult> (HttpContext http) => Idempotent(http, id => $$"""
            {"id":"cus_{{id}}","object":"customer","created":{{Now}},"livemode":false,"metadata":{} }
            """));
        app.MapPost("/v1/checkout/sessions", Task<IResult> (HttpContext http) => Idempotent(http, id => $$"""
            {"id":"cs_test_{{id}}","object":"checkout.session","created":{{Now}},"livemode":false,"status":"open",
             "mode":"{{Field(http, "mode")}}","url":"https://checkout.stripe.test/c/pay/cs_test_{{id}}"}
            """));
        app.MapPost("/v1/billing_portal/sessions", Task<IResult> (HttpContext http) => Idempotent(http, id => $$"""
            {"id":"bps_{{id}}","object":"billing_portal.session","created":{{Now}},"livemode":false,
             "customer":"{{Field(http, "customer")}}","url":"https://billing.stripe.test/p/session/bps_{{id}}"}
            """));
        app.MapGet("/v1/subscriptions/{id}", async (HttpContext http, string id) =>
        {
            await RecordAsync(http);
            if (Failure() is { } failure)
                return failure;
            return _subscriptions.TryGetValue(id, out var json)
                ? Json(json)
                : Results.Content("""{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such subscription"}}""",
                    "application/json", statusCode: 404);
        });
        app.MapDelete("/v1/subscriptions/{id}", async Task<IResult> (HttpContext http, string id) =>
        {
            await RecordAsync(http);
            if (Failure() is { } failure)
                return failure;
            if (!_subscriptions.TryGetValue(id, out var json))
                return Results.Content("""{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such subscription"}}""",
                    "application/json", statusCode: 404);
            var canceled = System.Text.Json.Nodes.JsonNode.Parse(json)!;
            canceled["status"] = "canceled";
            canceled["canceled_at"] = Now;
            _subscriptions[id] = canceled.ToJsonString();
            return Json(_subscriptions[id]);
        });
        app.MapGet("/v1/events", async Task<IResult> (HttpContext http) =>
        {
            await RecordAsync(http);
            var newestFirst = _events.Reverse();
            var data = string.Join(",", newestFirst);
            return Json("""{"object":"list","url":"/v1/events","has_more":false,"data":[""" + data + "]}");
        });
    }

    private IResult? Failure() => _failureStatus == 0
        ? null
        : Results.Content("""{"error":{"type":"api_error","message":"Something went wrong on Stripe's end."}}""", "application/json",
            statusCode: _failureStatus);

    private async Task<IResult> Idempotent(HttpContext http, Func<int, string> create)
    {
        var request = await RecordAsync(http);
        if (Failure() is { } failure)
            return failure;
        var key = request.IdempotencyKey is null ? null : $"{request.Path}|{request.IdempotencyKey}";
        if (key is not null && _idempotentResponses.TryGetValue(key, out var first))
            return Json(first);
        var body = create(Interlocked.Increment(ref _sequence));
        return Json(key is null ? body : _idempotentResponses.GetOrAdd(key, body));
    }

    private async Task<StripeRequest> RecordAsync(HttpContext http)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (http.Request.HasFormContentType)
            foreach (var (name, value) in await http.Request.ReadFormAsync())
                form[name] = value.ToString();
        var request = new StripeRequest(http.Request.Method, http.Request.Path, Uri.UnescapeDataString(http.Request.QueryString.Value ?? ""), form,
            http.Request.Headers["Idempotency-Key"].FirstOrDefault(), http.Request.Headers["Stripe-Version"].FirstOrDefault());
        http.Items["stripe.form"] = form;
        _requests.Enqueue(request);
        return request;
    }

    private static string Field(HttpContext http, string name) =>
        http.Items["stripe.form"] is Dictionary<string, string> form && form.TryGetValue(name, out var value) ? value : string.Empty;

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static IResult Json(string body) => Results.Content(body, "application/json");

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
