namespace IaGenify.Application.Workspaces.Purge;

/// <summary>Configuration section <c>Workspaces:Purge</c>.</summary>
public sealed class WorkspacePurgeOptions
{
    public const string Section = "Workspaces:Purge";

    /// <summary>Whether this process runs the background sweep.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Pause between two sweeps.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Workspaces one sweep purges at most.</summary>
    public int BatchSize { get; set; } = 100;
}
