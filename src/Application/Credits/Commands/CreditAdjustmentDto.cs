using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Credits.Specifications;
using IaGenify.Application.Workspaces.Specifications;
using IaGenify.Domain.Common;
using IaGenify.Domain.Credits;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Credits.Commands;

/// <summary>The result of a support adjustment or grant: the entry written and the balance after it.</summary>
public sealed record CreditAdjustmentDto(Guid EntryId, long Amount, long Balance, long Available);

/// <summary>What the support credit commands share: the workspace must exist, and they answer with the new balance.</summary>
internal sealed class SupportCreditWrites(IRepository<Workspace> workspaces, IRepository<CreditAccount> accounts)
{
    public async Task EnsureWorkspaceExistsAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        if (!await workspaces.AnyAsync(new WorkspaceByIdSpec(workspaceId), cancellationToken))
            throw new NotFoundException("Workspace");
    }

    public async Task<CreditAdjustmentDto> ResultAsync(Guid workspaceId, Guid entryId, long amount, CancellationToken cancellationToken)
    {
        var account = await accounts.FirstOrDefaultAsync(new CreditAccountSpec(workspaceId), cancellationToken);
        return new CreditAdjustmentDto(entryId, amount, account?.Balance ?? 0, account?.Available ?? 0);
    }
}
