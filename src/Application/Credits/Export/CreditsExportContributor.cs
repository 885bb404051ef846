using System.Runtime.CompilerServices;
using IaGenify.Application.Common.Persistence;
using Ardalis.Specification;
using IaGenify.Application.Credits.Specifications;
using IaGenify.Application.Exports.Ports;
using IaGenify.Domain.Credits;

namespace IaGenify.Application.Credits.Export;

/// <summary>
/// <c>credits.json</c> (balance, every grant, pending holds) and <c>credits/entries.json</c> (the whole history,
/// oldest first, streamed page by page so that a long history never sits in memory).
/// </summary>
internal sealed class CreditsExportContributor(
    IRepository<CreditAccount> accounts,
    IRepository<CreditGrant> grants,
    IRepository<CreditHold> holds,
    IRepository<CreditEntry> entries) : IExportContributor
{
    private const int PageSize = 1_000;

    public sealed record Summary(long Balance, long Reserved, long Available, IReadOnlyList<CreditGrantDto> Grants,
        IReadOnlyList<CreditHoldDto> PendingHolds);

    public string Name => "credits";

    public async Task WriteAsync(Guid workspaceId, ExportWriter writer, CancellationToken cancellationToken)
    {
        var account = await accounts.FirstOrDefaultAsync(new CreditAccountSpec(workspaceId), cancellationToken);
        var allGrants = await grants.ListAsync(new AllGrantsSpec(workspaceId), cancellationToken);
        var pending = await holds.ListAsync(new PendingHoldsSpec(workspaceId), cancellationToken);
        await writer.WriteJsonAsync("credits.json",
            new Summary(account?.Balance ?? 0, account?.Reserved ?? 0, account?.Available ?? 0, allGrants, pending), cancellationToken);
        await writer.WriteJsonArrayAsync("credits/entries.json", History(workspaceId, cancellationToken), cancellationToken);
    }

    private async IAsyncEnumerable<CreditEntryDto> History(Guid workspaceId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? after = null;
        while (true)
        {
            var page = await entries.ListAsync(new HistoryPageSpec(workspaceId, after), cancellationToken);
            foreach (var entry in page)
                yield return entry;
            if (page.Count < PageSize)
                yield break;
            after = page[^1].Id;
        }
    }

    private sealed class AllGrantsSpec : Specification<CreditGrant, CreditGrantDto>
    {
        public AllGrantsSpec(Guid workspaceId)
        {
            Query.Where(g => g.WorkspaceId == workspaceId);
            Query.OrderBy(g => g.Id);
        }
    }

    private sealed class HistoryPageSpec : Specification<CreditEntry, CreditEntryDto>
    {
        public HistoryPageSpec(Guid workspaceId, Guid? after)
        {
            Query.Where(e => e.WorkspaceId == workspaceId);
            if (after is { } cursor)
                Query.Where(e => e.Id.CompareTo(cursor) > 0);
            Query.OrderBy(e => e.Id);
            Query.Take(PageSize);
        }
    }
}
