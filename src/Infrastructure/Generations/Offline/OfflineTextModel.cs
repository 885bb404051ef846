using System.Collections.Frozen;
using IaGenify.Application.Generations.Ports;

namespace IaGenify.Infrastructure.Generations.Offline;

/// <summary>
/// The provider used when no model endpoint is configured: deterministic, no network. The module owning each schema
/// answers it (<see cref="IOfflineAnswer"/>) from the structured intent (name, prompt keywords, section type), so the
/// whole flow can be tried on a machine without a model. Its outputs are marked <c>provider: offline</c> by the
/// generators.
/// </summary>
internal sealed class OfflineTextModel(IEnumerable<IOfflineAnswer> answers) : ITextModel
{
    public const string ProviderName = "offline";
    public const string ModelName = "offline-v1";

    private readonly FrozenDictionary<string, IOfflineAnswer> bySchema =
        answers.SelectMany(a => a.SchemaNames.Select(s => KeyValuePair.Create(s, a))).ToFrozenDictionary();

    public Task<TextModelReply> CompleteJsonAsync(TextModelRequest request, CancellationToken cancellationToken)
    {
        if (!bySchema.TryGetValue(request.SchemaName, out var answer))
            throw ModelException.Rejected($"The offline provider cannot answer a '{request.SchemaName}' request.");
        var json = answer.Answer(request.SchemaName, request.Intent);
        return Task.FromResult(new TextModelReply(json.ToJsonString(), ProviderName, ModelName));
    }
}
