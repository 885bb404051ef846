namespace IaGenify.Domain.Workspaces;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Revoked,
    Expired,
}
