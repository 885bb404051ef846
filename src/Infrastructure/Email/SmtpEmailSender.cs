using System.Net;
using System.Net.Mail;
using IaGenify.Application.Common.Email;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Email;

internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.SmtpUseSsl };
        if (settings.SmtpUser is not null)
            client.Credentials = new NetworkCredential(settings.SmtpUser, settings.SmtpPassword);
        using var mail = new MailMessage { From = new MailAddress(settings.From), Subject = message.Subject, Body = message.Body };
        mail.To.Add(message.To);
        await client.SendMailAsync(mail, cancellationToken);
    }
}
