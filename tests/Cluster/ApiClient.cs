using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using IaGenify.Application.ApiKeys;
using IaGenify.Application.Assets;
using IaGenify.Application.Credits;
using IaGenify.Application.Generations;
using IaGenify.Application.Identity;
using IaGenify.Application.Webhooks;
using IaGenify.Application.Websites;
using IaGenify.Application.Workspaces;

namespace IaGenify.Cluster;

/// <summary>A response the scenario did not expect (or none at all); the request is already in the log.</summary>
internal sealed class UnexpectedResponseException(string route, int status) : Exception($"{route} answered {status}")
{
    public int Status { get; } = status;
}

/// <summary>
/// One simulated client of the API: its own address (sent as <c>X-Forwarded-For</c>, which the balancer extends and
/// the API trusts from it), its own session, and typed calls answering the application's DTOs. Every call is logged
/// with its status and whether that status was expected.
/// </summary>
internal sealed class ApiClient(HttpClient http, RequestLog log, string clientIp)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public const string Password = "cluster scenario password";

    private string? _token;
    private string? _apiKey;

    public string ClientIp => clientIp;

    public static HttpClient CreateHttp(Uri baseAddress) => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
        MaxConnectionsPerServer = 256,
        AllowAutoRedirect = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public ApiClient WithApiKey(string key) => new(http, log, clientIp) { _apiKey = key };

    public ApiClient On(HttpClient other) => new(other, log, clientIp) { _token = _token, _apiKey = _apiKey };

    public async Task<AuthResponse> RegisterAsync(string email)
    {
        var auth = await SendAsync<AuthResponse>("register", HttpMethod.Post, "/api/v1/auth/register",
            JsonContent.Create(new { email, password = Password, displayName = "Cluster client" }), [201]);
        _token = auth.AccessToken;
        return auth;
    }

    public Task<WorkspaceDto> CreateWorkspaceAsync(string name) =>
        SendAsync<WorkspaceDto>("workspace.create", HttpMethod.Post, "/api/v1/workspaces", JsonContent.Create(new { name }), [201]);

    public Task<WebhookEndpointDto> CreateWebhookEndpointAsync(Guid workspaceId, string url, string[] eventTypes) =>
        SendAsync<WebhookEndpointDto>("webhook-endpoint.create", HttpMethod.Post, $"/api/v1/workspaces/{workspaceId}/webhook-endpoints",
            JsonContent.Create(new { url, description = "cluster receiver", eventTypes }), [201]);

    public Task<CreatedApiKeyDto> CreateApiKeyAsync(Guid workspaceId) =>
        SendAsync<CreatedApiKeyDto>("api-key.create", HttpMethod.Post, $"/api/v1/workspaces/{workspaceId}/api-keys",
            JsonContent.Create(new { name = "cluster probe", role = "viewer" }), [201]);

    public Task<CreatedWebsiteDto> CreateWebsiteAsync(Guid workspaceId, string name) =>
        SendAsync<CreatedWebsiteDto>("website.create", HttpMethod.Post, $"/api/v1/workspaces/{workspaceId}/websites",
            JsonContent.Create(new { name, prompt = "A small bakery in Lyon, fresh bread and pastries every morning" }), [202]);

    public Task<SubmittedGenerationDto> SubmitImageAsync(Guid workspaceId) =>
        SendAsync<SubmittedGenerationDto>("generation.image", HttpMethod.Post, $"/api/v1/workspaces/{workspaceId}/generations",
            JsonContent.Create(new { kind = "image", input = new { prompt = "A red bicycle against a bakery window" } }), [202]);

    public Task<GenerationDto> GenerationAsync(Guid workspaceId, Guid id) =>
        SendAsync<GenerationDto>("generation.get", HttpMethod.Get, $"/api/v1/workspaces/{workspaceId}/generations/{id}", null, [200]);

    public Task<PublishedWebsiteDto> PublishAsync(Guid workspaceId, Guid websiteId) =>
        SendAsync<PublishedWebsiteDto>("website.publish", HttpMethod.Post, $"/api/v1/workspaces/{workspaceId}/websites/{websiteId}/publish",
            null, [200]);

    public Task<WebsiteDto> WebsiteAsync(Guid workspaceId, Guid websiteId) =>
        SendAsync<WebsiteDto>("website.get", HttpMethod.Get, $"/api/v1/workspaces/{workspaceId}/websites/{websiteId}", null, [200]);

    public Task<CreditBalanceDto> CreditsAsync(Guid workspaceId, string route = "credits.get", int[]? expected = null) =>
        SendAsync<CreditBalanceDto>(route, HttpMethod.Get, $"/api/v1/workspaces/{workspaceId}/credits", null, expected ?? [200]);

    public Task<JsonElement> MeAsync() => SendAsync<JsonElement>("me", HttpMethod.Get, "/api/v1/me", null, [200]);

    public Task<AssetDto> UploadAssetAsync(Guid workspaceId, byte[] image)
    {
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return SendAsync<AssetDto>("asset.upload", HttpMethod.Post, $"/api/v1/workspaces/{workspaceId}/assets",
            new MultipartFormDataContent { { file, "file", "cluster.png" } }, [201]);
    }

    public async Task<byte[]> DownloadAssetAsync(Guid workspaceId, Guid assetId, string route = "asset.download")
    {
        using var response = await SendRawAsync(route, HttpMethod.Get, $"/api/v1/workspaces/{workspaceId}/assets/{assetId}/content", null, [200]);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async Task<int> SiteAsync(string slug)
    {
        using var response = await SendRawAsync("site.get", HttpMethod.Get, $"/sites/{slug}", null, [200], anonymous: true);
        return (int)response.StatusCode;
    }

    /// <summary>A contact-form post from <paramref name="fromIp"/>; answers the status (202, or 429 where allowed).</summary>
    public async Task<int> ContactAsync(string slug, string fromIp, int[] expected, string route = "contact.post")
    {
        var body = JsonContent.Create(new { name = "Ada Visitor", email = "ada@example.org", message = "Do you deliver on Sundays?" });
        using var response = await SendRawAsync(route, HttpMethod.Post, $"/sites/{slug}/contact", body, expected, anonymous: true, forwardedFor: fromIp);
        return (int)response.StatusCode;
    }

    public async Task StripeAsync(string payload, string signature)
    {
        var content = new StringContent(payload, Encoding.UTF8, "application/json");
        using var response = await SendRawAsync("stripe.webhook", HttpMethod.Post, "/api/v1/webhooks/stripe", content, [200], anonymous: true,
            headers: [("Stripe-Signature", signature)]);
    }

    /// <summary>A request whose status only gets recorded (for probes that expect refusals): 0 when nothing came back.</summary>
    public async Task<int> StatusAsync(string route, HttpMethod method, string path, int[] expected)
    {
        try
        {
            using var response = await SendRawAsync(route, method, path, null, expected);
            return (int)response.StatusCode;
        }
        catch (UnexpectedResponseException unexpected)
        {
            return unexpected.Status;
        }
    }

    private async Task<T> SendAsync<T>(string route, HttpMethod method, string path, HttpContent? content, int[] expected)
    {
        using var response = await SendRawAsync(route, method, path, content, expected);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    private async Task<HttpResponseMessage> SendRawAsync(string route, HttpMethod method, string path, HttpContent? content, int[] expected,
        bool anonymous = false, string? forwardedFor = null, (string Name, string Value)[]? headers = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Forwarded-For", forwardedFor ?? clientIp);
        if (!anonymous && _apiKey is not null)
            request.Headers.Add("X-Api-Key", _apiKey);
        else if (!anonymous && _token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        foreach (var (name, value) in headers ?? [])
            request.Headers.TryAddWithoutValidation(name, value);
        var started = RequestLog.Now();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
            // Read the whole body inside the timing, so that a reset mid-body counts as lost.
            await response.Content.LoadIntoBufferAsync();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            log.Add(new RequestRecord(route, started, RequestLog.Now(), 0, false));
            throw new UnexpectedResponseException(route, 0);
        }
        var status = (int)response.StatusCode;
        var ok = expected.Contains(status);
        log.Add(new RequestRecord(route, started, RequestLog.Now(), status, ok));
        if (ok)
            return response;
        response.Dispose();
        throw new UnexpectedResponseException(route, status);
    }
}
