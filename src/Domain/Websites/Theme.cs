using System.Text.RegularExpressions;

namespace IaGenify.Domain.Websites;

/// <summary>A site's colours (<c>#rrggbb</c>) and font, rendered as CSS variables.</summary>
public sealed partial record Theme(string Primary, string Accent, string Background, string Text, ThemeFont Font)
{
    public static Theme Default { get; } = new("#2563eb", "#f59e0b", "#ffffff", "#111827", ThemeFont.Sans);

    public static bool IsColor(string? value) => value is not null && HexColor().IsMatch(value);

    /// <summary>A theme whose colours are all valid, lower-cased; <see cref="ArgumentException"/> otherwise.</summary>
    public static Theme Create(string primary, string accent, string background, string text, ThemeFont font)
    {
        foreach (var (name, value) in new[] { ("primary", primary), ("accent", accent), ("background", background), ("text", text) })
        {
            if (!IsColor(value))
                throw new ArgumentException($"The {name} colour must be #rrggbb.", name);
        }
        if (!Enum.IsDefined(font))
            throw new ArgumentException("Unknown font.", nameof(font));
        return new Theme(primary.ToLowerInvariant(), accent.ToLowerInvariant(), background.ToLowerInvariant(), text.ToLowerInvariant(), font);
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
