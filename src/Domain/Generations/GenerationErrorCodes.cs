namespace IaGenify.Domain.Generations;

/// <summary>Stable error codes a client can read on a generation.</summary>
public static class GenerationErrorCodes
{
    public const string RateLimited = "model_rate_limited";
    public const string Unavailable = "model_unavailable";
    public const string Timeout = "model_timeout";
    public const string Rejected = "model_rejected";
    public const string OutputInvalid = "output_invalid";
    public const string HoldExpired = "credit_hold_expired";
    public const string TargetGone = "target_gone";
    public const string WorkspaceDeleted = "workspace_deleted";
    public const string Interrupted = "interrupted";
}
