namespace IaGenify.Domain.Workspaces;

/// <summary>The one place where roles are mapped to permissions (ARCHITECTURE.md section 3).</summary>
public static class RolePermissions
{
    public static Role MinimumRole(Permission permission) => permission switch
    {
        Permission.WorkspaceRead or Permission.ContentRead or Permission.CreditsRead or Permission.AnalyticsRead
            => Role.Viewer,
        Permission.GenerationsCreate or Permission.ContentWrite or Permission.WebsitesPublish or Permission.MailboxUse
            => Role.Member,
        Permission.WorkspaceUpdate or Permission.MembersManage or Permission.ApiKeysManage or Permission.WebhooksManage
            or Permission.ModelSettingsManage or Permission.AuditLogRead or Permission.DataExport
            => Role.Admin,
        Permission.BillingManage or Permission.WorkspaceDelete or Permission.OwnershipManage
            => Role.Owner,
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "Unmapped permission."),
    };

    public static bool Grants(this Role role, Permission permission) => role >= MinimumRole(permission);
}
