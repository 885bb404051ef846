namespace IaGenify.Domain.Mailbox;

/// <summary>Shortening the mailbox's stored text (subjects, names, snippets, bodies) to its column lengths.</summary>
public static class MailText
{
    /// <summary>
    /// At most <paramref name="length"/> UTF-16 units, never ending on the first half of a surrogate pair: a lone
    /// surrogate cannot be encoded for PostgreSQL, so an emoji at the cut would fail the whole write.
    /// </summary>
    public static string Clip(string text, int length)
    {
        if (text.Length <= length)
            return text;
        var end = length > 0 && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..end];
    }
}
