using IaGenify.Application.Common.Exceptions;
using Microsoft.Extensions.Options;

namespace IaGenify.Application.Credits;

/// <summary>Credits per operation, from configuration (<c>Credits:Prices</c>).</summary>
public sealed class PriceList(IOptionsMonitor<CreditOptions> options)
{
    public IReadOnlyList<CreditPriceDto> All =>
        options.CurrentValue.Prices.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new CreditPriceDto(p.Key, p.Value)).ToList();

    public long PriceOf(string operation) =>
        options.CurrentValue.Prices.TryGetValue(operation, out var credits)
            ? credits
            : throw RequestValidationException.For("operation", $"There is no price for '{operation}'.");
}
