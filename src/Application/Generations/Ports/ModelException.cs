using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations.Ports;

/// <summary>
/// A model call failed. <see cref="IsTransient"/> failures (429, 5xx, timeouts, refused connections) are retried;
/// the others end the generation. The message must not repeat the prompt or the server's body.
/// </summary>
public sealed class ModelException(string code, string message, bool isTransient, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;
    public bool IsTransient { get; } = isTransient;

    /// <summary>How long the server asked us to wait (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public GenerationError Error => GenerationError.Of(Code, Message);

    public static ModelException RateLimited(TimeSpan? retryAfter, Exception? inner = null) =>
        new(GenerationErrorCodes.RateLimited, "The model server is rate limiting requests.", true, retryAfter, inner);

    public static ModelException Unavailable(string detail, TimeSpan? retryAfter = null, Exception? inner = null) =>
        new(GenerationErrorCodes.Unavailable, detail, true, retryAfter, inner);

    public static ModelException Timeout(Exception? inner = null) =>
        new(GenerationErrorCodes.Timeout, "The model did not answer in time.", true, null, inner);

    public static ModelException Rejected(string detail, Exception? inner = null) =>
        new(GenerationErrorCodes.Rejected, detail, false, null, inner);
}
