namespace IaGenify.Application.Generations.Ports;

/// <summary>A language model answering with structured (JSON-schema) output. Failures are <see cref="ModelException"/>s.</summary>
public interface ITextModel
{
    Task<TextModelReply> CompleteJsonAsync(TextModelRequest request, CancellationToken cancellationToken);
}
