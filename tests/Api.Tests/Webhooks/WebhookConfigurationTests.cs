using IaGenify.Api.Tests.Support;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Tests.Webhooks;

public sealed class WebhookConfigurationTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public async Task Production_refuses_to_start_without_a_valid_secret_key(string key)
    {
        var error = await HostStartup.FailureAsync(Fixture.ConnectionString, "Production",
            new Dictionary<string, string?> { ["Webhooks:SecretKey"] = key });

        Assert.Contains("Webhooks:SecretKey", Assert.IsType<OptionsValidationException>(error).Message);
    }

    [Fact]
    public async Task Inconsistent_dispatcher_settings_stop_the_host()
    {
        var error = await HostStartup.FailureAsync(Fixture.ConnectionString, "Testing",
            new Dictionary<string, string?> { ["Webhooks:LeaseDuration"] = "00:00:01" });

        Assert.Contains("LeaseDuration", Assert.IsType<OptionsValidationException>(error).Message);
    }
}
