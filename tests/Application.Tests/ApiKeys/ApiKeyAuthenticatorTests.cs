using IaGenify.Application.ApiKeys;
using IaGenify.Application.ApiKeys.Ports;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Tests.Observability;
using IaGenify.Domain.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace IaGenify.Application.Tests.ApiKeys;

public sealed class ApiKeyAuthenticatorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly IApiKeyCredentialStore _store = Substitute.For<IApiKeyCredentialStore>();
    private readonly MeterCapture _metrics = new();
    private readonly string _secret = ApiKeySecret.Create();
    private readonly Guid _keyId = Guid.CreateVersion7();
    private readonly Guid _workspaceId = Guid.CreateVersion7();

    private ApiKeyAuthenticator Authenticator() =>
        new(_store, _metrics.Metrics, new FixedClock(Now), NullLogger<ApiKeyAuthenticator>.Instance);

    private void Stored(DateTimeOffset? expiresAt = null, DateTimeOffset? revokedAt = null, DateTimeOffset? lastUsedAt = null) =>
        _store.FindBySecretHashAsync(ApiKeySecret.Hash(_secret), Arg.Any<CancellationToken>())
            .Returns(new ApiKeyCredential(_keyId, _workspaceId, Role.Member, expiresAt, revokedAt, lastUsedAt));

    private string Outcome() => (string)_metrics.Single("iagenify.api_key.authentications").Tags["outcome"]!;

    [Fact]
    public async Task A_valid_key_becomes_a_principal_of_its_workspace_with_its_role()
    {
        Stored(expiresAt: Now.AddDays(1));

        var principal = await Authenticator().AuthenticateAsync(_secret, default);

        Assert.NotNull(principal);
        Assert.Equal((PrincipalKind.ApiKey, _keyId, _workspaceId, Role.Member),
            (principal.Kind, principal.ApiKeyId, principal.ApiKeyWorkspaceId, principal.ApiKeyRole));
        Assert.Equal("succeeded", Outcome());
        await _store.Received(1).RecordUseAsync(_keyId, Now, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Last_use_is_written_at_most_once_a_minute()
    {
        Stored(lastUsedAt: Now.AddSeconds(-30));

        Assert.NotNull(await Authenticator().AuthenticateAsync(_secret, default));

        await _store.DidNotReceiveWithAnyArgs().RecordUseAsync(default, default, default);
    }

    [Fact]
    public async Task Revoked_and_expired_keys_are_refused()
    {
        Stored(revokedAt: Now.AddMinutes(-1));
        Assert.Null(await Authenticator().AuthenticateAsync(_secret, default));
        Assert.Equal("revoked", Outcome());

        _metrics.Measurements.Clear();
        Stored(expiresAt: Now);
        Assert.Null(await Authenticator().AuthenticateAsync(_secret, default));
        Assert.Equal("expired", Outcome());
        await _store.DidNotReceiveWithAnyArgs().RecordUseAsync(default, default, default);
    }

    [Fact]
    public async Task Unknown_keys_are_refused_and_malformed_ones_never_reach_the_store()
    {
        Assert.Null(await Authenticator().AuthenticateAsync(ApiKeySecret.Create(), default));
        Assert.Equal("unknown", Outcome());

        _metrics.Measurements.Clear();
        Assert.Null(await Authenticator().AuthenticateAsync("iag_short", default));
        Assert.Equal("malformed", Outcome());
        await _store.Received(1).FindBySecretHashAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    public void Dispose() => _metrics.Dispose();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
