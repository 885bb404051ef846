namespace IaGenify.Domain.Common;

/// <summary>
/// Text PostgreSQL can store and every JSON reader can decode again: no NUL (text and jsonb refuse it) and every UTF-16
/// surrogate paired (a lone one throws when re-read).
/// </summary>
public static class StorableText
{
    public static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\0')
                return false;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return false;
        }
        return true;
    }
}
