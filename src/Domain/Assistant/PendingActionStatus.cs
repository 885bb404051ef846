namespace IaGenify.Domain.Assistant;

public enum PendingActionStatus
{
    /// <summary>Proposed by the assistant; nothing has run.</summary>
    Pending,
    /// <summary>The user confirmed and the tool succeeded.</summary>
    Confirmed,
    /// <summary>The user confirmed and the tool answered an error.</summary>
    Failed,
    Rejected,
}
