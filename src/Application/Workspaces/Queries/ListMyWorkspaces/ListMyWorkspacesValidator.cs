using FluentValidation;
using IaGenify.Application.Common.Paging;

namespace IaGenify.Application.Workspaces.Queries.ListMyWorkspaces;

internal sealed class ListMyWorkspacesValidator : AbstractValidator<ListMyWorkspaces>
{
    public ListMyWorkspacesValidator() => this.AddPagingRules(x => x.Limit, x => x.Cursor);
}
