using IaGenify.Application.Billing.Specifications;
using IaGenify.Application.Common.Email;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Workspaces;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Billing;

/// <summary>Billing notices to a workspace's owners, staged in the email outbox with the change that causes them.</summary>
public sealed class BillingEmails(
    IRepository<Membership> memberships,
    IRepository<Workspace> workspaces,
    AccountEmails emails,
    IOptions<PlatformOptions> platform)
{
    public async Task StagePaymentFailedAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var workspace = await workspaces.FirstOrDefaultAsync(new WorkspaceByIdSpec(workspaceId), cancellationToken);
        if (workspace is null)
            return;
        var link = $"{platform.Value.AppBaseUrl}/workspaces/{workspaceId}/billing";
        foreach (var owner in await memberships.ListAsync(new OwnerEmailsSpec(workspaceId), cancellationToken))
            emails.Stage(new EmailMessage(owner, $"Payment failed for {workspace.Name} on IaGenify",
                $"We could not collect the latest payment for the workspace \"{workspace.Name}\".\n\n" +
                "Your plan and credits stay in place while the payment is retried. Update the payment method here:\n" +
                $"{link}\n"), "billing.payment_failed");
    }
}
