using FluentValidation;
using IaGenify.Application.Common.Paging;

namespace IaGenify.Application.Websites.Queries.ListWebsites;

internal sealed class ListWebsitesValidator : AbstractValidator<ListWebsites>
{
    public ListWebsitesValidator() => this.AddPagingRules(x => x.Limit, x => x.Cursor);
}
