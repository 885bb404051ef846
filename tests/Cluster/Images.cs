using System.Text;

namespace IaGenify.Cluster;

/// <summary>Distinct, valid upload bodies: a 1×1 PNG followed by a marker (the API recognises images by their first bytes).</summary>
internal static class Images
{
    private static readonly byte[] Pixel = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static byte[] Unique(string marker) => [.. Pixel, .. Encoding.ASCII.GetBytes(marker)];
}
