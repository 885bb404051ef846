namespace IaGenify.Application.Mailbox;

/// <summary>Message-IDs we mint (for contact submissions and replies) and the per-thread reply address.</summary>
public static class MessageIds
{
    public static string New(Guid messageId, string domain) => $"<{messageId:N}@{domain}>";

    public static string ReplyAddress(string token, string domain) => $"reply+{token}@{domain}";

    /// <summary>The token of a reply address (<c>reply+{token}@domain</c>), or null.</summary>
    public static string? TokenOf(string address)
    {
        var at = address.IndexOf('@');
        if (at < 0 || !address.StartsWith("reply+", StringComparison.OrdinalIgnoreCase))
            return null;
        var token = address[6..at].ToLowerInvariant();
        return token.Length == Domain.Mailbox.MailThread.ReplyTokenLength && token.All(char.IsAsciiLetterOrDigit) ? token : null;
    }

    public static string NewReplyToken() =>
        System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", Domain.Mailbox.MailThread.ReplyTokenLength);
}
