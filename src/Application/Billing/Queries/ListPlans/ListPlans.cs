using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using MediatR;

namespace IaGenify.Application.Billing.Queries.ListPlans;

/// <summary>The plans and credit packs with what the pricing page shows. Public.</summary>
[AllowAnonymous]
public sealed record ListPlans : IQuery<PlanListDto>;

internal sealed class ListPlansHandler(PlanCatalog catalog) : IRequestHandler<ListPlans, PlanListDto>
{
    public Task<PlanListDto> Handle(ListPlans request, CancellationToken cancellationToken) =>
        Task.FromResult(new PlanListDto(
            catalog.Plans.Select(p => new PlanDto(p.Code, p.Name, p.MonthlyCredits, p.TrialDays, Price(p.Price),
                EntitlementsDto.Of(p))).ToList(),
            catalog.CreditPacks.Select(p => new CreditPackDto(p.Code, p.Name ?? $"{p.Credits} credits", p.Credits, Price(p.Price, oneOff: true)))
                .ToList()));

    private static PriceDto? Price(PlanPriceOptions? price, bool oneOff = false) =>
        price is null ? null : new PriceDto(price.Amount, price.Currency, oneOff ? null : price.Interval);
}
