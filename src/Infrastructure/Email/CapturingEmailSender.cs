using System.Collections.Concurrent;
using IaGenify.Application.Common.Email;

namespace IaGenify.Infrastructure.Email;

public sealed record CapturedEmail(string To, string Subject, string Body, DateTimeOffset SentAt);

public sealed class CapturingEmailSender(TimeProvider clock) : IEmailSender
{
    private readonly ConcurrentQueue<CapturedEmail> _sent = new();

    public IReadOnlyList<CapturedEmail> Sent => _sent.ToArray();

    public void Clear() => _sent.Clear();

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        _sent.Enqueue(new CapturedEmail(message.To, message.Subject, message.Body, clock.GetUtcNow()));
        return Task.CompletedTask;
    }
}
