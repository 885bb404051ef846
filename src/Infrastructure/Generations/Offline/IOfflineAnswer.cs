using System.Text.Json.Nodes;
using IaGenify.Application.Generations.Ports;

namespace IaGenify.Infrastructure.Generations.Offline;

/// <summary>
/// A module's deterministic answer to the schemas of its own generation kinds, given by the offline provider. The
/// module that owns a kind registers its answer (<see cref="OfflineAnswerServices.AddOfflineAnswer{T}"/>), so the
/// engine knows no kind's content.
/// </summary>
internal interface IOfflineAnswer
{
    IReadOnlyCollection<string> SchemaNames { get; }

    JsonObject Answer(string schemaName, GenerationIntent intent);
}
