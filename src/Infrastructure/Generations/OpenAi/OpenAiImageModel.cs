using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Ports;
using Microsoft.Extensions.Options;
using OpenAI.Images;

namespace IaGenify.Infrastructure.Generations.OpenAi;

/// <summary>
/// <c>POST {Ai:Endpoint}/images/generations</c>, asking for the bytes inline (base64) so that no URL from the model
/// server is ever fetched.
/// </summary>
internal sealed class OpenAiImageModel(IOptionsMonitor<AiOptions> options) : IImageModel
{
    public async Task<ImageModelReply> GenerateAsync(ImageModelRequest request, CancellationToken cancellationToken)
    {
        var ai = options.CurrentValue;
        var client = new ImageClient(request.Settings.Model, OpenAiCalls.Credential(ai), OpenAiCalls.ClientOptions(ai));
        var generation = new ImageGenerationOptions { Size = Size(request.Size), ResponseFormat = GeneratedImageFormat.Bytes };
        var image = await OpenAiCalls.RunAsync(token => client.GenerateImageAsync(request.Prompt, generation, token), ai.Timeout, cancellationToken);
        var bytes = image.Value.ImageBytes?.ToArray();
        if (bytes is not { Length: > 0 })
            throw ModelException.Rejected("The image server answered without image bytes.");
        return new ImageModelReply(bytes, OpenAiCalls.ProviderName, request.Settings.Model);
    }

    private static GeneratedImageSize Size(string size)
    {
        var parts = size.Split('x');
        return parts.Length == 2 && int.TryParse(parts[0], out var width) && int.TryParse(parts[1], out var height)
            ? new GeneratedImageSize(width, height)
            : GeneratedImageSize.W1024xH1024;
    }
}
