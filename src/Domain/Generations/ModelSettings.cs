namespace IaGenify.Domain.Generations;

/// <summary>
/// How a generation talks to its model, fixed when it is submitted so that a later change of settings does not
/// alter queued work.
/// </summary>
public sealed record ModelSettings(string Provider, string Model, double? Temperature, int? MaxTokens)
{
    public const int MaxModelLength = 100;
    public const double MaxTemperature = 2.0;
    public const int MaxMaxTokens = 32_000;
}
