namespace IaGenify.Domain.Assets;

/// <summary>
/// The image types an asset may have, recognised from their first bytes (never from a file name or a client's
/// Content-Type). SVG is not among them: it can carry scripts.
/// </summary>
public static class ImageFormats
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string Webp = "image/webp";

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int SniffLength = 12;

    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return Png;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return Jpeg;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return Webp;
        return null;
    }

    public static string ExtensionOf(string contentType) => contentType switch
    {
        Png => "png",
        Jpeg => "jpg",
        Gif => "gif",
        Webp => "webp",
        _ => "bin",
    };
}
