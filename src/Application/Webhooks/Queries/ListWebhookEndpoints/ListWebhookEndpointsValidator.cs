using FluentValidation;
using IaGenify.Application.Common.Paging;

namespace IaGenify.Application.Webhooks.Queries.ListWebhookEndpoints;

internal sealed class ListWebhookEndpointsValidator : AbstractValidator<ListWebhookEndpoints>
{
    public ListWebhookEndpointsValidator() => this.AddPagingRules(x => x.Limit, x => x.Cursor);
}
