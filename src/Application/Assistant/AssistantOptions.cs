namespace IaGenify.Application.Assistant;

/// <summary>Configuration section <c>Assistant</c>.</summary>
public sealed class AssistantOptions
{
    public const string Section = "Assistant";

    /// <summary>The price key every model call of the assistant reserves and captures (<c>Credits:Prices</c>).</summary>
    public const string StepPriceKey = "assistant.step";

    /// <summary>Model calls per user message at most (each one priced).</summary>
    public int MaxSteps { get; set; } = 8;

    /// <summary>Chat model of the assistant; the generations' chat model (<c>Ai:Model</c>) when unset.</summary>
    public string? Model { get; set; }
}
