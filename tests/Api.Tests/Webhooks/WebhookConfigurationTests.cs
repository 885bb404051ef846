using IaGenify.Api.Tests.Support;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Tests.Webhooks;

public sealed class WebhookConfigurationTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void Production_refuses_to_start_without_a_valid_secret_key(string key)
    {
        using var production = new ApiFactory(Fixture.ConnectionString, environment: "Production",
            settings: new Dictionary<string, string?> { ["Webhooks:SecretKey"] = key });

        var error = Assert.Throws<OptionsValidationException>(() => production.CreateClient());
        Assert.Contains("Webhooks:SecretKey", error.Message);
    }

    [Fact]
    public void Inconsistent_dispatcher_settings_stop_the_host()
    {
        using var api = new ApiFactory(Fixture.ConnectionString,
            settings: new Dictionary<string, string?> { ["Webhooks:LeaseDuration"] = "00:00:01" });

        var error = Assert.Throws<OptionsValidationException>(() => api.CreateClient());
        Assert.Contains("LeaseDuration", error.Message);
    }
}
