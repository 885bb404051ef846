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
    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyRevoked = "api_key.revoked";
    public const string WorkspaceSuspended = "workspace.suspended";
    public const string WorkspaceUnsuspended = "workspace.unsuspended";
    public const string WebhookEndpointCreated = "webhook_endpoint.created";
    public const string WebhookEndpointUpdated = "webhook_endpoint.updated";
    public const string WebhookEndpointDeleted = "webhook_endpoint.deleted";
    public const string WebhookEndpointSecretRotated = "webhook_endpoint.secret_rotated";
    public const string WebhookEndpointDisabled = "webhook_endpoint.disabled";
    public const string WebhookDeliveriesRedelivered = "webhook_delivery.redelivered";
    public const string ExportRequested = "export.requested";
    public const string ExportDownloaded = "export.downloaded";
    public const string WorkspacePurged = "workspace.purged";
    public const string WorkspaceOwnershipTransferred = "workspace.ownership_transferred";
    public const string AccountDeleted = "account.deleted";
    public const string BillingPlanChanged = "billing.plan_changed";
    public const string BillingStatusChanged = "billing.status_changed";
    public const string BillingCheckoutStarted = "billing.checkout_started";
    public const string BillingPortalOpened = "billing.portal_opened";
    public const string BillingCreditsPurchased = "billing.credits_purchased";
    public const string BillingAllowanceGranted = "billing.allowance_granted";
    public const string BillingPaymentFailed = "billing.payment_failed";
    public const string ModelSettingsChanged = "model_settings.changed";
    public const string WebsitePublished = "website.published";
    public const string WebsiteDeleted = "website.deleted";
    public const string AssetDeleted = "asset.deleted";
    public const string AccountPasswordChanged = "account.password_changed";
    public const string AccountEmailChangeRequested = "account.email_change_requested";
    public const string AccountEmailChanged = "account.email_changed";
    public const string SessionRevoked = "session.revoked";
    public const string MfaEnabled = "mfa.enabled";
    public const string MfaDisabled = "mfa.disabled";
    public const string MfaRecoveryCodeUsed = "mfa.recovery_code_used";
    public const string WorkspaceMfaRequirementChanged = "workspace.mfa_requirement_changed";
    public const string WorkspaceOwnershipTransferOffered = "workspace.ownership_transfer_offered";
    public const string DomainAdded = "domain.added";
    public const string DomainVerified = "domain.verified";
    public const string DomainRemoved = "domain.removed";
    public const string MailboxReplySent = "mailbox.reply_sent";
    public const string MailboxThreadDeleted = "mailbox.thread_deleted";
    public const string MailboxDraftRequested = "mailbox.draft_requested";
    public const string AiToolCall = "ai.tool_call";
}
