using IaGenify.Application.Credits.Ports;
using IaGenify.Application.Workspaces.Ports;
using IaGenify.Domain.Credits;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Credits;

/// <summary>Grants <c>Credits:WelcomeGrant</c> to each new workspace, in the transaction that creates it.</summary>
internal sealed class WelcomeCredits(ICreditLedger ledger, IOptions<CreditOptions> options) : IWorkspaceSetupStep
{
    public async Task OnCreatedAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var amount = options.Value.WelcomeGrant;
        if (amount > 0)
            await ledger.GrantAsync(workspaceId, new CreditGrantRequest(GrantSource.Welcome, amount, Reference: "welcome"),
                $"welcome:{workspaceId}", cancellationToken);
    }
}
