namespace IaGenify.Application.Workspaces.Ports;

/// <summary>
/// Whether a workspace may take one more member. Workspaces owns the question; the module that sells seats
/// (Billing's plans) answers it, throwing <c>PlanLimitException</c> (→ 402) when the plan is full.
/// </summary>
public interface IMemberSeats
{
    /// <param name="countPendingInvitations">True when inviting (pending invitations hold a seat), false when an
    /// invitation is accepted (its seat becomes a member).</param>
    Task EnsureCanAddMemberAsync(Guid workspaceId, bool countPendingInvitations, CancellationToken cancellationToken);
}
