namespace IaGenify.Application.Generations;

public static class GenerationMetrics
{
    /// <summary>The queue name the job metrics carry for generations.</summary>
    public const string Queue = "generations";
}
