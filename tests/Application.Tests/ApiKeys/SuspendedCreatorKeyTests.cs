using IaGenify.Application.ApiKeys;
using IaGenify.Application.ApiKeys.Ports;
using IaGenify.Application.Billing;
using IaGenify.Application.Tests.Observability;
using IaGenify.Domain.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace IaGenify.Application.Tests.ApiKeys;

/// <summary>A key created by an account that platform staff suspended is refused, and nothing records its use.</summary>
public sealed class SuspendedCreatorKeyTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly IApiKeyCredentialStore _store = Substitute.For<IApiKeyCredentialStore>();
    private readonly MeterCapture _metrics = new();

    [Fact]
    public async Task A_key_of_a_suspended_creator_is_refused_with_its_own_outcome()
    {
        var secret = ApiKeySecret.Create();
        var keyId = Guid.CreateVersion7();
        _store.FindBySecretHashAsync(ApiKeySecret.Hash(secret), Arg.Any<CancellationToken>())
            .Returns(new ApiKeyCredential(keyId, Guid.CreateVersion7(), Role.Admin, null, null, null, null, CreatorSuspended: true));
        var options = Substitute.For<IOptionsMonitor<BillingOptions>>();
        options.CurrentValue.Returns(new BillingOptions
        {
            Plans = [new PlanOptions { Code = "free", Name = "Free", Entitlements = new PlanEntitlementOptions() }],
        });
        var authenticator = new ApiKeyAuthenticator(_store, new PlanCatalog(options), _metrics.Metrics, new FixedClock(Now),
            NullLogger<ApiKeyAuthenticator>.Instance);

        Assert.Null(await authenticator.AuthenticateAsync(secret, default));
        Assert.Equal("creator_suspended", (string)_metrics.Single("iagenify.api_key.authentications").Tags["outcome"]!);
        await _store.DidNotReceive().RecordUseAsync(keyId, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
    }

    public void Dispose() => _metrics.Dispose();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
