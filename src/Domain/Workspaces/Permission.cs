namespace IaGenify.Domain.Workspaces;

public enum Permission
{
    // Viewer
    WorkspaceRead,
    ContentRead,
    CreditsRead,
    AnalyticsRead,

    // Member
    GenerationsCreate,
    ContentWrite,
    WebsitesPublish,
    MailboxUse,

    // Admin
    WorkspaceUpdate,
    MembersManage,
    ApiKeysManage,
    WebhooksManage,
    ModelSettingsManage,
    AuditLogRead,
    DataExport,

    // Owner
    BillingManage,
    WorkspaceDelete,
    OwnershipManage,
}
