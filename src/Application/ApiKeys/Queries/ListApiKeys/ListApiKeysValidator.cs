using FluentValidation;
using IaGenify.Application.Common.Paging;

namespace IaGenify.Application.ApiKeys.Queries.ListApiKeys;

internal sealed class ListApiKeysValidator : AbstractValidator<ListApiKeys>
{
    public ListApiKeysValidator() => this.AddPagingRules(x => x.Limit, x => x.Cursor);
}
