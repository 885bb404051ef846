using Ardalis.Specification;
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
        Query.IgnoreTenantFilter();
        Query.Where(a => a.WorkspaceId == workspaceId);
        Query.AsNoTracking();
    }
}

/// <summary>The account of a Stripe customer or subscription: the only link an event may carry to its workspace.</summary>
public sealed class BillingAccountByStripeIdSpec : Specification<BillingAccount>
{
    public BillingAccountByStripeIdSpec(string? customerId, string? subscriptionId)
    {
        Query.IgnoreTenantFilter();
        Query.Where(a => (customerId != null && a.StripeCustomerId == customerId)
                   || (subscriptionId != null && a.StripeSubscriptionId == subscriptionId));
        Query.OrderByDescending(a => a.UpdatedAt);
        Query.AsNoTracking();
    }
}

public sealed class InboxEventsByIdSpec : Specification<BillingInboxEvent, string>
{
    public InboxEventsByIdSpec(IReadOnlyCollection<string> eventIds)
    {
        Query.Where(e => eventIds.Contains(e.EventId));
        Query.Select(e => e.EventId);
    }
}

public sealed class MembersOfWorkspaceSpec : Specification<Membership>
{
    public MembersOfWorkspaceSpec(Guid workspaceId)
    {
        Query.IgnoreTenantFilter();
        Query.Where(m => m.WorkspaceId == workspaceId);
    }
}

public sealed class PendingInvitationsOfWorkspaceSpec : Specification<Invitation>
{
    public PendingInvitationsOfWorkspaceSpec(Guid workspaceId, DateTimeOffset now)
    {
        Query.IgnoreTenantFilter();
        Query.Where(i => i.WorkspaceId == workspaceId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now);
    }
}

public sealed class OwnerEmailsSpec : Specification<Membership, string>
{
    public OwnerEmailsSpec(Guid workspaceId)
    {
        Query.IgnoreTenantFilter();
        Query.Where(m => m.WorkspaceId == workspaceId && m.Role == Role.Owner);
        Query.Select(m => m.User!.Email);
    }
}
