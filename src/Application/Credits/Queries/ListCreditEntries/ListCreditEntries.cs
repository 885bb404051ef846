using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Credits.Specifications;
using IaGenify.Domain.Credits;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Credits.Queries.ListCreditEntries;

/// <summary>The credit history, newest first.</summary>
[RequiresPermission(Permission.CreditsRead)]
[AiTool("credits_entries", "List the credit history, newest first.", ReadOnly = true)]
public sealed record ListCreditEntries(Guid WorkspaceId, int Limit = Cursor.DefaultLimit, string? Cursor = null)
    : IQuery<CursorPage<CreditEntryDto>>, IWorkspaceRequest;

internal sealed class ListCreditEntriesHandler(IRepository<CreditEntry> entries)
    : IRequestHandler<ListCreditEntries, CursorPage<CreditEntryDto>>
{
    public async Task<CursorPage<CreditEntryDto>> Handle(ListCreditEntries request, CancellationToken cancellationToken)
    {
        var rows = await entries.ListAsync(
            new CreditEntriesPageSpec(request.WorkspaceId, Cursor.Decode(request.Cursor), request.Limit + 1), cancellationToken);
        return Cursor.Page(rows, request.Limit, e => e.Id);
    }
}
