using System.Text.RegularExpressions;

namespace IaGenify.Application.Mailbox;

/// <summary>
/// The new text of an email answer: what comes before the quoted history ("On … wrote:", "-----Original
/// Message-----", a block of "&gt;" lines) and before the signature ("-- " delimiter, "Sent from my …"). The raw text
/// is kept beside it; when nothing would remain, the whole text is shown.
/// </summary>
public static partial class ReplyText
{
    public static string Extract(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var kept = new List<string>();
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            if (trimmed is "-- " or "--" || line == "-- " || QuoteHeader().IsMatch(trimmed) || trimmed.StartsWith('>') || SentFrom().IsMatch(trimmed))
                break;
            kept.Add(trimmed);
        }
        var result = string.Join('\n', kept).Trim();
        return result.Length > 0 ? result : text.Trim();
    }

    [GeneratedRegex(@"^(On\s.+\swrote:|Le\s.+\sa écrit\s?:|Am\s.+\sschrieb.*:|El\s.+\sescribió:|-{2,}\s*Original Message\s*-{2,}|_{5,}|From:\s.+@.+)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex QuoteHeader();

    [GeneratedRegex(@"^Sent from my \w+", RegexOptions.IgnoreCase)]
    private static partial Regex SentFrom();
}
