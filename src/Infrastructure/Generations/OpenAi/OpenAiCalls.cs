using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Ports;
using OpenAI;

namespace IaGenify.Infrastructure.Generations.OpenAi;

/// <summary>
/// What the OpenAI-compatible adapters share: client options (endpoint, key, no SDK retries: the queue retries with
/// its own policy) and the translation of transport outcomes into <see cref="ModelException"/>s. Messages name the
/// status code only, never the server's body, which may echo the prompt.
/// </summary>
internal static class OpenAiCalls
{
    public const string ProviderName = "openai";

    public static ApiKeyCredential Credential(AiOptions ai) =>
        // Local servers (Ollama, llama.cpp) accept any key; the SDK insists on one.
        new(string.IsNullOrWhiteSpace(ai.ApiKey) ? "unused" : ai.ApiKey);

    public static OpenAIClientOptions ClientOptions(AiOptions ai) => new()
    {
        Endpoint = new Uri(ai.Endpoint ?? throw new InvalidOperationException("Ai:Provider is openai but Ai:Endpoint is not set.")),
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        NetworkTimeout = ai.Timeout,
    };

    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await call(limit.Token);
        }
        catch (ClientResultException ex)
        {
            throw Translate(ex);
        }
        catch (HttpRequestException ex)
        {
            throw ModelException.Unavailable("The model server could not be reached.", inner: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw ModelException.Timeout(ex);
        }
    }

    private static ModelException Translate(ClientResultException ex)
    {
        var retryAfter = RetryAfter(ex.GetRawResponse());
        return ex.Status switch
        {
            0 => ModelException.Unavailable("The model server could not be reached.", inner: ex),
            429 => ModelException.RateLimited(retryAfter, ex),
            408 => ModelException.Timeout(ex),
            >= 500 => ModelException.Unavailable($"The model server failed with status {ex.Status}.", retryAfter, ex),
            _ => ModelException.Rejected($"The model server refused the request with status {ex.Status}.", ex),
        };
    }

    /// <summary><c>retry-after-ms</c> (OpenAI), else <c>Retry-After</c> in seconds or as an HTTP date.</summary>
    internal static TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null)
            return null;
        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            return TimeSpan.FromMilliseconds(millis);
        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
            return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date - DateTimeOffset.UtcNow
            : null;
    }
}
