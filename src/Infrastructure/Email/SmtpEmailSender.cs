using IaGenify.Application.Common.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IaGenify.Infrastructure.Email;

/// <summary>SMTP through MailKit; the message's threading headers (Message-ID, In-Reply-To, References, Reply-To) are written as given.</summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var mime = ToMime(message, settings.From);
        using var client = new SmtpClient();
        var security = settings.SmtpUseSsl ? (settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls)
            : SecureSocketOptions.None;
        await client.ConnectAsync(settings.SmtpHost ?? "localhost", settings.SmtpPort, security, cancellationToken);
        if (settings.SmtpUser is not null)
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", cancellationToken);
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    internal static MimeMessage ToMime(EmailMessage message, string platformFrom)
    {
        var mime = new MimeMessage();
        mime.From.Add(message.From is { } from ? new MailboxAddress(from.Name, from.Address) : MailboxAddress.Parse(platformFrom));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.ReplyTo is not null)
            mime.ReplyTo.Add(MailboxAddress.Parse(message.ReplyTo));
        mime.Subject = message.Subject;
        if (message.MessageId is not null)
            mime.MessageId = message.MessageId.Trim('<', '>');
        if (message.InReplyTo is not null)
            mime.InReplyTo = message.InReplyTo.Trim('<', '>');
        foreach (var reference in message.References)
            mime.References.Add(reference.Trim('<', '>'));
        mime.Body = new TextPart("plain") { Text = message.Body };
        return mime;
    }
}
