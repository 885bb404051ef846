using IaGenify.Domain.Generations;

namespace IaGenify.Application.Generations.Ports;

/// <summary>
/// What the user asked for, in structured form. A real model reads the prompts; the offline provider, which has no
/// language model, builds its answer from this. <see cref="Facts"/> carries a kind's extra structured facts (the
/// mail reply kind: sender, subject, site).
/// </summary>
public sealed record GenerationIntent(GenerationKind Kind, string Prompt, string? Name, string? SectionType,
    IReadOnlyDictionary<string, string>? Facts = null);

/// <summary>A chat completion whose answer must be a JSON object following <see cref="JsonSchema"/>.</summary>
public sealed record TextModelRequest(
    string SchemaName,
    string JsonSchema,
    string SystemPrompt,
    string UserPrompt,
    ModelSettings Settings,
    GenerationIntent Intent);

/// <summary>The model's answer: raw JSON text, to be validated by the caller, and who produced it.</summary>
public sealed record TextModelReply(string Json, string Provider, string Model);

public sealed record ImageModelRequest(string Prompt, string Size, ModelSettings Settings);

public sealed record ImageModelReply(byte[] Content, string Provider, string Model);
