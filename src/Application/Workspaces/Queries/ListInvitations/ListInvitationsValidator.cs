using FluentValidation;
using IaGenify.Application.Common.Paging;

namespace IaGenify.Application.Workspaces.Queries.ListInvitations;

internal sealed class ListInvitationsValidator : AbstractValidator<ListInvitations>
{
    public ListInvitationsValidator() => this.AddPagingRules(x => x.Limit, x => x.Cursor);
}
