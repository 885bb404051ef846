using System.Text.Json;
using System.Text.Json.Serialization;

namespace IaGenify.Application.Generations;

/// <summary>
/// What a generation works from, stored as JSON on the generation. Clients give the prompt and, per kind, a name or a
/// section type; the website module adds the target it applies the result to, the mailbox the thread it answers.
/// </summary>
public sealed record GenerationInput(
    string Prompt,
    string? Name = null,
    string? SectionType = null,
    Guid? WebsiteId = null,
    Guid? PageId = null,
    Guid? SectionId = null,
    Guid? ThreadId = null)
{
    public const int MaxPromptLength = 4000;

    /// <summary>Bounds any kind's name; a kind that names what it makes checks its own limit (IGenerator.CheckInput).</summary>
    public const int MaxNameLength = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static GenerationInput FromJson(string json) =>
        JsonSerializer.Deserialize<GenerationInput>(json, Json) ?? throw new InvalidOperationException("Empty generation input.");
}
