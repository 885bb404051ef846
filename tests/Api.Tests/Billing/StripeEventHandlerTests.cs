using IaGenify.Api.Tests.Support;
using IaGenify.Application.Billing.Ports;
using IaGenify.Application.Billing.Processing;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Billing;

public sealed class StripeEventHandlerTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Every_event_type_billing_subscribes_to_has_exactly_one_handler()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var claimed = scope.ServiceProvider.GetServices<IStripeEventHandler>().SelectMany(h => h.EventTypes).ToList();

        Assert.Equal(PaymentEventTypes.Handled.Order(), claimed.Order());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<BillingEventProcessor>());
    }
}
