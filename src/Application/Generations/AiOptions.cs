namespace IaGenify.Application.Generations;

/// <summary>Configuration section <c>Ai</c>: which model provider generations use and the platform's model defaults.</summary>
public sealed class AiOptions
{
    public const string Section = "Ai";
    public const string OpenAiProvider = "openai";
    public const string OfflineProvider = "offline";

    /// <summary><c>openai</c> (any OpenAI-compatible server) or <c>offline</c>; offline when no endpoint is configured.</summary>
    public string? Provider { get; set; }

    /// <summary>Base URL of an OpenAI-compatible server, e.g. <c>https://api.openai.com/v1</c> or <c>http://127.0.0.1:11434/v1</c>.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Chat model for website, page and section generations.</summary>
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Model for image generations.</summary>
    public string ImageModel { get; set; } = "dall-e-3";

    /// <summary>Size requested for generated images.</summary>
    public string ImageSize { get; set; } = "1024x1024";

    /// <summary>How long one model call may take before it counts as a (transient) timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Platform defaults per kind (<c>website</c>, <c>page</c>, <c>section</c>, <c>image</c>); workspaces may override them.</summary>
    public Dictionary<string, ModelDefaults> Defaults { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string EffectiveProvider =>
        string.IsNullOrWhiteSpace(Provider)
            ? string.IsNullOrWhiteSpace(Endpoint) ? OfflineProvider : OpenAiProvider
            : Provider.Trim().ToLowerInvariant();
}

/// <summary>Model settings of one kind; unset values fall back to the provider's defaults.</summary>
public sealed class ModelDefaults
{
    public string? Model { get; set; }
    public double? Temperature { get; set; }
    public int? MaxTokens { get; set; }
}
