namespace IaGenify.Domain.Audit;

/// <summary>Names of audited actions: stable strings clients can filter on.</summary>
public static class AuditActions
{
    public const string WorkspaceDeleted = "workspace.deleted";
    public const string WorkspaceRestored = "workspace.restored";
    public const string MemberRoleChanged = "member.role_changed";
    public const string MemberRemoved = "member.removed";
    public const string MemberLeft = "member.left";
    public const string InvitationCreated = "invitation.created";
    public const string InvitationRevoked = "invitation.revoked";
    public const string InvitationAccepted = "invitation.accepted";
    public const string PlatformAdminAccess = "platform.admin_access";
    public const string CreditsAdjusted = "credits.adjusted";
    public const string CreditsGranted = "credits.granted";
    public const string ModelSettingsChanged = "model_settings.changed";
    public const string WebsitePublished = "website.published";
    public const string WebsiteDeleted = "website.deleted";
    public const string AssetDeleted = "asset.deleted";
}
