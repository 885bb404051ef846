using IaGenify.Api.Tests.Support;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Tests.Hosting;

public sealed class StartupConfigurationTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public async Task Production_refuses_to_start_without_a_valid_jwt_signing_key(string? key)
    {
        var error = await HostStartup.FailureAsync(Fixture.ConnectionString, "Production",
            new Dictionary<string, string?> { ["Jwt:SigningKey"] = key });

        Assert.Contains("Jwt:SigningKey", Assert.IsType<OptionsValidationException>(error).Message);
    }

    [Fact]
    public async Task A_complete_production_configuration_starts()
    {
        Assert.Null(await HostStartup.FailureAsync(Fixture.ConnectionString, "Production", new Dictionary<string, string?>()));
    }
}
