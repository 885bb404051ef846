using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Billing;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Billing.Specifications;

// Billing also runs outside a request scoped to the workspace (webhooks, invitation acceptance), so these
// specifications lift the tenant filter and name their workspace, customer or event explicitly.

public sealed class BillingAccountSpec : Specification<BillingAccount>
{
    public BillingAccountSpec(Guid workspaceId)
    {
        IgnoreTenantFilter();
        Where(a => a.WorkspaceId == workspaceId);
        AsNoTracking();
    }
}

/// <summary>The account of a Stripe customer or subscription: the only link an event may carry to its workspace.</summary>
public sealed class BillingAccountByStripeIdSpec : Specification<BillingAccount>
{
    public BillingAccountByStripeIdSpec(string? customerId, string? subscriptionId)
    {
        IgnoreTenantFilter();
        Where(a => (customerId != null && a.StripeCustomerId == customerId)
                   || (subscriptionId != null && a.StripeSubscriptionId == subscriptionId));
        OrderByDescending(a => a.UpdatedAt);
        AsNoTracking();
    }
}

public sealed class InboxEventsByIdSpec : Specification<BillingInboxEvent, string>
{
    public InboxEventsByIdSpec(IReadOnlyCollection<string> eventIds)
    {
        Where(e => eventIds.Contains(e.EventId));
        Select(e => e.EventId);
    }
}

public sealed class MembersOfWorkspaceSpec : Specification<Membership>
{
    public MembersOfWorkspaceSpec(Guid workspaceId)
    {
        IgnoreTenantFilter();
        Where(m => m.WorkspaceId == workspaceId);
    }
}

public sealed class PendingInvitationsOfWorkspaceSpec : Specification<Invitation>
{
    public PendingInvitationsOfWorkspaceSpec(Guid workspaceId, DateTimeOffset now)
    {
        IgnoreTenantFilter();
        Where(i => i.WorkspaceId == workspaceId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now);
    }
}

public sealed class OwnerEmailsSpec : Specification<Membership, string>
{
    public OwnerEmailsSpec(Guid workspaceId)
    {
        IgnoreTenantFilter();
        Where(m => m.WorkspaceId == workspaceId && m.Role == Role.Owner);
        Select(m => m.User!.Email);
    }
}
