namespace IaGenify.Application.Workspaces.Purge;

/// <summary>What one sweep did; <see cref="Failed"/> workspaces are retried by the next sweep.</summary>
public sealed record WorkspacePurgeResult(int Purged, int Failed);
