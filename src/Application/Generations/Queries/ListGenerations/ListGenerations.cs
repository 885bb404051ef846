using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Generations.Specifications;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Workspaces;
using MediatR;

namespace IaGenify.Application.Generations.Queries.ListGenerations;

/// <summary>The workspace's generations, newest first, optionally of one kind or status (names as in the API: <c>website</c>, <c>queued</c>).</summary>
[RequiresPermission(Permission.ContentRead)]
[AiTool("generations_list", "List AI generations (newest first) with their status, optionally of one kind or status.", ReadOnly = true)]
public sealed record ListGenerations(Guid WorkspaceId, int Limit, string? Cursor, string? Kind = null, string? Status = null)
    : IQuery<CursorPage<GenerationSummaryDto>>, IWorkspaceRequest
{
    internal static T? Parse<T>(string? name) where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: true, out var value) && Enum.IsDefined(value) && !name!.Any(char.IsDigit) ? value : null;
}

internal sealed class ListGenerationsHandler(IRepository<Generation> generations)
    : IRequestHandler<ListGenerations, CursorPage<GenerationSummaryDto>>
{
    public async Task<CursorPage<GenerationSummaryDto>> Handle(ListGenerations request, CancellationToken cancellationToken)
    {
        var rows = await generations.ListAsync(
            new GenerationsPageSpec(Cursor.Decode(request.Cursor), request.Limit + 1,
                ListGenerations.Parse<GenerationKind>(request.Kind), ListGenerations.Parse<GenerationStatus>(request.Status)), cancellationToken);
        return Cursor.Page(rows, request.Limit, g => g.Id);
    }
}
