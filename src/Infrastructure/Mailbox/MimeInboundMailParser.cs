using IaGenify.Application.Mailbox.Ports;
using MimeKit;

namespace IaGenify.Infrastructure.Mailbox;

/// <summary>Reads raw emails with MimeKit: the plain-text body (or the HTML one as text), addresses, threading headers, attachments.</summary>
internal sealed class MimeInboundMailParser : IInboundMailParser
{
    public async Task<InboundMail> ParseAsync(Stream raw, long maxAttachmentBytes, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(raw, cancellationToken);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException("Not a MIME message.", ex);
        }
        var from = message.From.Mailboxes.FirstOrDefault() ?? throw new InvalidDataException("The message has no sender.");
        var to = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.ResentTo.Mailboxes)
            .Select(m => m.Address).Where(a => !string.IsNullOrEmpty(a)).ToList();
        foreach (var header in message.Headers.Where(h => h.Field.Equals("Delivered-To", StringComparison.OrdinalIgnoreCase) || h.Field.Equals("X-Original-To", StringComparison.OrdinalIgnoreCase)))
            to.Add(header.Value.Trim().Trim('<', '>'));

        var attachments = new List<InboundAttachment>();
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            using var buffer = new MemoryStream();
            if (part.Content is null)
                continue;
            await part.Content.DecodeToAsync(buffer, cancellationToken);
            if (buffer.Length > maxAttachmentBytes)
                continue;
            attachments.Add(new InboundAttachment(part.FileName is null ? null : Clean(part.FileName), part.ContentType.MimeType, buffer.ToArray()));
        }

        return new InboundMail(
            string.IsNullOrWhiteSpace(from.Name) ? null : Clean(from.Name),
            from.Address.ToLowerInvariant(),
            to,
            Clean(message.Subject ?? ""),
            Bracket(message.MessageId),
            Bracket(message.InReplyTo),
            [.. message.References.Select(Bracket).OfType<string>()],
            Clean(message.TextBody ?? HtmlAsText(message.HtmlBody) ?? "", multiline: true),
            attachments);
    }

    /// <summary>MimeKit hands Message-IDs without angle brackets; we store them as they appear in headers.</summary>
    private static string? Bracket(string? id) => string.IsNullOrWhiteSpace(id) ? null : $"<{id.Trim().Trim('<', '>')}>";

    /// <summary>Control characters (NUL above all) cannot be stored and have no place in shown text.</summary>
    private static string Clean(string text, bool multiline = false) =>
        new(text.Where(c => !char.IsControl(c) || (multiline && c is '\n' or '\t')).ToArray());

    private static string? HtmlAsText(string? html) => html is null
        ? null
        : System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(html, "<(br|/p|/div)[^>]*>", "\n", System.Text.RegularExpressions.RegexOptions.IgnoreCase),
            "<[^>]+>", ""));
}
