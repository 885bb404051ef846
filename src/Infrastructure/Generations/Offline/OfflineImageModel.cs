using System.Security.Cryptography;
using System.Text;
using IaGenify.Application.Generations.Ports;

namespace IaGenify.Infrastructure.Generations.Offline;

/// <summary>
/// The offline provider's images: a deterministic abstract picture (a diagonal gradient with soft circles) whose
/// colours and shapes come from a hash of the prompt. No network; the same prompt gives the same PNG.
/// </summary>
internal sealed class OfflineImageModel : IImageModel
{
    private const int Width = 640;
    private const int Height = 400;

    public Task<ImageModelReply> GenerateAsync(ImageModelRequest request, CancellationToken cancellationToken)
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(request.Prompt));
        var (from, to, spot) = (Color(seed, 0), Color(seed, 3), Color(seed, 6));
        var circles = Enumerable.Range(0, 3)
            .Select(i => (X: seed[9 + i] * Width / 255.0, Y: seed[12 + i] * Height / 255.0, R: 40 + seed[15 + i] % 120))
            .ToArray();
        var rgb = new byte[Width * Height * 3];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var t = (x + y) / (double)(Width + Height);
                var pixel = Mix(from, to, t);
                foreach (var c in circles)
                {
                    var d = Math.Sqrt((x - c.X) * (x - c.X) + (y - c.Y) * (y - c.Y));
                    if (d < c.R)
                        pixel = Mix(pixel, spot, 0.35 * (1 - d / c.R));
                }
                var i = (y * Width + x) * 3;
                (rgb[i], rgb[i + 1], rgb[i + 2]) = pixel;
            }
        }
        return Task.FromResult(new ImageModelReply(PngEncoder.Encode(Width, Height, rgb), OfflineTextModel.ProviderName, OfflineTextModel.ModelName));
    }

    private static (byte, byte, byte) Color(byte[] seed, int at) => (seed[at], seed[at + 1], seed[at + 2]);

    private static (byte, byte, byte) Mix((byte R, byte G, byte B) a, (byte R, byte G, byte B) b, double t) =>
        ((byte)(a.R + (b.R - a.R) * t), (byte)(a.G + (b.G - a.G) * t), (byte)(a.B + (b.B - a.B) * t));
}
