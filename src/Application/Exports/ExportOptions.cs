namespace IaGenify.Application.Exports;

/// <summary>Configuration section <c>Exports</c>.</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>How long a finished archive can be downloaded before the sweep deletes it.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a worker owns a running export; past it, another worker takes the export over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Claims of one export (first run plus take-overs) before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Exports one run processes at most before it sweeps expired archives.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>Whether this process runs the background worker (API replicas may leave it to a worker role).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Pause between two runs of the worker.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
