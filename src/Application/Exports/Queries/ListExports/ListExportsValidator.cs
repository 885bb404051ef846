using FluentValidation;
using IaGenify.Application.Common.Paging;

namespace IaGenify.Application.Exports.Queries.ListExports;

internal sealed class ListExportsValidator : AbstractValidator<ListExports>
{
    public ListExportsValidator() => this.AddPagingRules(x => x.Limit, x => x.Cursor);
}
