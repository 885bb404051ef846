namespace IaGenify.Domain.Generations;

/// <summary>Why an attempt or a whole generation failed. The message never contains the prompt or the output.</summary>
public sealed record GenerationError(string Code, string Message)
{
    public const int MaxCodeLength = 60;
    public const int MaxMessageLength = 2000;

    public static GenerationError Of(string code, string message) =>
        new(code, message.Length <= MaxMessageLength ? message : message[..MaxMessageLength]);
}
