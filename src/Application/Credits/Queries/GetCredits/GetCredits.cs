using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Credits.Specifications;
using IaGenify.Domain.Credits;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Credits.Queries.GetCredits;

/// <summary>The balance with the grants it is made of and the holds reserving part of it.</summary>
[RequiresPermission(Permission.CreditsRead)]
[AiTool("credits_balance", "Get the credit balance, what is available and what is reserved.", ReadOnly = true)]
public sealed record GetCredits(Guid WorkspaceId) : IQuery<CreditBalanceDto>, IWorkspaceRequest;

internal sealed class GetCreditsHandler(
    IRepository<CreditAccount> accounts,
    IRepository<CreditGrant> grants,
    IRepository<CreditHold> holds) : IRequestHandler<GetCredits, CreditBalanceDto>
{
    public async Task<CreditBalanceDto> Handle(GetCredits request, CancellationToken cancellationToken)
    {
        var account = await accounts.FirstOrDefaultAsync(new CreditAccountSpec(request.WorkspaceId), cancellationToken);
        var openGrants = await grants.ListAsync(new OpenGrantsSpec(request.WorkspaceId), cancellationToken);
        var pending = await holds.ListAsync(new PendingHoldsSpec(request.WorkspaceId), cancellationToken);
        return new CreditBalanceDto(account?.Balance ?? 0, account?.Available ?? 0, account?.Reserved ?? 0, openGrants, pending);
    }
}
