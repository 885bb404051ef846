using IaGenify.Application.Common.AiTools;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using MediatR;

namespace IaGenify.Application.Credits.Queries.GetPrices;

public sealed record PriceListDto(IReadOnlyList<CreditPriceDto> Items);

/// <summary>What each operation costs, in credits. Public: prospects compare plans with it.</summary>
[AllowAnonymous]
[AiTool("credits_prices", "List what each operation costs in credits.", ReadOnly = true)]
public sealed record GetPrices : IQuery<PriceListDto>;

internal sealed class GetPricesHandler(PriceList prices) : IRequestHandler<GetPrices, PriceListDto>
{
    public Task<PriceListDto> Handle(GetPrices request, CancellationToken cancellationToken) =>
        Task.FromResult(new PriceListDto(prices.All));
}
