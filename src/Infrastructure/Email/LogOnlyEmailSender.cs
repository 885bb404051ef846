using IaGenify.Application.Common.Email;
using Microsoft.Extensions.Logging;

namespace IaGenify.Infrastructure.Email;

internal sealed class LogOnlyEmailSender(ILogger<LogOnlyEmailSender> logger) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        logger.LogWarning("No email provider is configured (Email:Provider); an email was not sent");
        return Task.CompletedTask;
    }
}
