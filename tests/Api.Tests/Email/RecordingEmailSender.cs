using System.Collections.Concurrent;
using IaGenify.Application.Common.Email;

namespace IaGenify.Api.Tests.Email;

/// <summary>Records every send, slowly enough that concurrent dispatchers overlap.</summary>
public sealed class RecordingEmailSender(TimeSpan delay) : IEmailSender
{
    private readonly ConcurrentQueue<string> _recipients = new();

    public IReadOnlyList<string> Recipients => _recipients.ToArray();

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        _recipients.Enqueue(message.To);
    }
}
