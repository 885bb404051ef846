namespace IaGenify.Domain.Generations;

/// <summary><c>Queued → Running → Succeeded | Failed | Cancelled</c>; a running job may go back to queued for a retry.</summary>
public enum GenerationStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
