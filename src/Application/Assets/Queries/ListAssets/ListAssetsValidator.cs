using FluentValidation;
using IaGenify.Application.Common.Paging;

namespace IaGenify.Application.Assets.Queries.ListAssets;

internal sealed class ListAssetsValidator : AbstractValidator<ListAssets>
{
    public ListAssetsValidator() => this.AddPagingRules(x => x.Limit, x => x.Cursor);
}
