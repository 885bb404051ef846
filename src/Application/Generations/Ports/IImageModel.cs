namespace IaGenify.Application.Generations.Ports;

/// <summary>An image model. Failures are <see cref="ModelException"/>s.</summary>
public interface IImageModel
{
    Task<ImageModelReply> GenerateAsync(ImageModelRequest request, CancellationToken cancellationToken);
}
