using System.Collections.Concurrent;
using IaGenify.Application.Common.Email;

namespace IaGenify.Infrastructure.Email;

public sealed record CapturedEmail(string To, string Subject, string Body, DateTimeOffset SentAt)
{
    /// <summary>The whole message as sent, threading headers included.</summary>
    public EmailMessage? Message { get; init; }
}

public sealed class CapturingEmailSender(TimeProvider clock) : IEmailSender
{
    private readonly ConcurrentQueue<CapturedEmail> _sent = new();

    public IReadOnlyList<CapturedEmail> Sent => _sent.ToArray();

    public void Clear() => _sent.Clear();

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        _sent.Enqueue(new CapturedEmail(message.To, message.Subject, message.Body, clock.GetUtcNow()) { Message = message });
        return Task.CompletedTask;
    }
}
