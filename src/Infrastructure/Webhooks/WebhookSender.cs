using System.Net.Http.Headers;
using System.Net.Sockets;
using IaGenify.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Webhooks;

/// <summary>
/// Posts signed webhook requests through the SSRF-guarded handler. Reads only the status line and headers of the
/// answer: the response body is never read or stored.
/// </summary>
internal sealed class WebhookSender : IDisposable
{
    private static readonly ProductInfoHeaderValue UserAgent = new("IaGenify-Webhooks", "1.0");

    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;

    public WebhookSender(IOptions<WebhookOptions> options, OutboundTargetPolicy policy, IHostResolver resolver)
    {
        _timeout = options.Value.RequestTimeout;
        _client = new HttpClient(GuardedHttpHandler.Create(policy, options.Value.ConnectTimeout, resolver)) { Timeout = _timeout };
    }

    public async Task<DeliveryAttemptResult> SendAsync(string url, string messageId, string secret, byte[] body,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.UserAgent.Add(UserAgent);
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigner.Sign(secret, messageId, timestamp, body));
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return DeliveryAttemptResult.FromStatus((int)response.StatusCode, response.ReasonPhrase, RetryAfter(response, now));
        }
        catch (HttpRequestException ex) when (Find<OutboundTargetRefusedException>(ex) is { } refused)
        {
            return DeliveryAttemptResult.Refused($"Refused: the URL resolves to a {Describe(refused.Category)} address, which webhooks may not call.");
        }
        catch (HttpRequestException ex)
        {
            return DeliveryAttemptResult.NetworkError(Describe(ex));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryAttemptResult.NetworkError($"Timed out after {_timeout.TotalSeconds:0.#} s.");
        }
    }

    public void Dispose() => _client.Dispose();

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static string Describe(HttpRequestException exception) =>
        Find<SocketException>(exception) is { } socket
            ? $"Connection failed: {socket.SocketErrorCode}."
            : exception.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "The host name could not be resolved.",
                HttpRequestError.SecureConnectionError => "The TLS handshake failed.",
                HttpRequestError.ConnectionError => "The connection failed.",
                HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse => "The receiver sent no valid HTTP response.",
                _ => $"The request failed ({exception.HttpRequestError}).",
            };

    private static string Describe(AddressCategory category) => category switch
    {
        AddressCategory.CloudMetadata => "cloud metadata",
        AddressCategory.LinkLocal => "link-local",
        AddressCategory.Loopback => "loopback",
        AddressCategory.Private => "private network",
        _ => "non-routable",
    };

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
            if (current is T found)
                return found;
        return null;
    }
}
