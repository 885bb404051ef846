using FluentValidation;
using IaGenify.Application.Common.Paging;

namespace IaGenify.Application.Workspaces.Queries.ListMembers;

internal sealed class ListMembersValidator : AbstractValidator<ListMembers>
{
    public ListMembersValidator() => this.AddPagingRules(x => x.Limit, x => x.Cursor);
}
