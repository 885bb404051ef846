using FluentValidation;
using IaGenify.Application.Common.Paging;

namespace IaGenify.Application.Admin.Queries.ListAllWorkspaces;

internal sealed class ListAllWorkspacesValidator : AbstractValidator<ListAllWorkspaces>
{
    public ListAllWorkspacesValidator()
    {
        this.AddPagingRules(x => x.Limit, x => x.Cursor);
        RuleFor(x => x.Search).MaximumLength(100);
    }
}
