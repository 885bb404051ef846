using FluentValidation;
using IaGenify.Application.Common.Paging;

namespace IaGenify.Application.Audit.Queries.ListAuditLog;

internal sealed class ListAuditLogValidator : AbstractValidator<ListAuditLog>
{
    public ListAuditLogValidator()
    {
        this.AddPagingRules(x => x.Limit, x => x.Cursor);
        RuleFor(x => x.Action).MaximumLength(100);
    }
}
