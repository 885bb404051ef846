using FluentValidation;
using IaGenify.Application.Common.Paging;

namespace IaGenify.Application.Credits.Queries.ListCreditEntries;

internal sealed class ListCreditEntriesValidator : AbstractValidator<ListCreditEntries>
{
    public ListCreditEntriesValidator() => this.AddPagingRules(x => x.Limit, x => x.Cursor);
}
