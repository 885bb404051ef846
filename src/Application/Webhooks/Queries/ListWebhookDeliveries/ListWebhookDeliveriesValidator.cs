using FluentValidation;
using IaGenify.Application.Common.Paging;

namespace IaGenify.Application.Webhooks.Queries.ListWebhookDeliveries;

internal sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveries>
{
    public ListWebhookDeliveriesValidator() => this.AddPagingRules(x => x.Limit, x => x.Cursor);
}
