using System.Text.Json;
using IaGenify.Application.ApiKeys;
using IaGenify.Application.ApiKeys.Commands.CreateApiKey;
using IaGenify.Application.Common.Behaviors;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Idempotency;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Tests.Observability;
using IaGenify.Application.Workspaces;
using IaGenify.Application.Workspaces.Commands.CreateWorkspace;
using IaGenify.Application.Workspaces.Queries.GetWorkspace;
using IaGenify.Domain.Workspaces;
using MediatR;
using NSubstitute;

namespace IaGenify.Application.Tests.Behaviors;

public sealed class IdempotencyBehaviorTests : IDisposable
{
    private readonly IdempotencyContext _idempotency = new();
    private readonly RequestContext _context = new();
    private readonly IIdempotencyStore _store = Substitute.For<IIdempotencyStore>();
    private readonly IIdempotencyClaim _claim = Substitute.For<IIdempotencyClaim>();
    private readonly MeterCapture _metrics = new();
    private readonly Guid _userId = Guid.CreateVersion7();
    private readonly WorkspaceDto _created = new(Guid.CreateVersion7(), "Acme", Role.Owner, DateTimeOffset.UnixEpoch, null, null, false);
    private int _handlerRuns;

    public IdempotencyBehaviorTests()
    {
        _context.Principal = Principal.ForUser(_userId, "u@example.com", isPlatformAdmin: false);
        _store.ClaimAsync(Arg.Any<IdempotencyRequest>(), Arg.Any<CancellationToken>()).Returns(_claim);
    }

    private IdempotencyBehavior<TRequest, TResponse> Behavior<TRequest, TResponse>() where TRequest : notnull =>
        new(_idempotency, _context, _store, _metrics.Metrics);

    private RequestHandlerDelegate<T> Handler<T>(T response) => () =>
    {
        _handlerRuns++;
        return Task.FromResult(response);
    };

    private Task<WorkspaceDto> CreateAsync(string name = "Acme") =>
        Behavior<CreateWorkspace, WorkspaceDto>().Handle(new CreateWorkspace(name), default, Handler(_created));

    [Fact]
    public async Task Without_a_key_the_command_just_runs()
    {
        Assert.Equal(_created, await CreateAsync());

        Assert.Equal(1, _handlerRuns);
        await _store.DidNotReceiveWithAnyArgs().ClaimAsync(default!, default);
    }

    [Fact]
    public async Task A_first_use_runs_the_command_and_stores_its_response_in_the_scope_of_the_principal()
    {
        _idempotency.Use("key-1");
        _claim.Outcome.Returns(IdempotencyOutcome.Acquired);

        await CreateAsync();

        Assert.Equal(1, _handlerRuns);
        await _store.Received(1).ClaimAsync(
            Arg.Is<IdempotencyRequest>(r => r.Scope == $"user:{_userId:N}" && r.Key == "key-1" && r.RequestType == nameof(CreateWorkspace)
                && r.Fingerprint == RequestFingerprint.Of(new CreateWorkspace("Acme"))),
            Arg.Any<CancellationToken>());
        await _claim.Received(1).CompleteAsync(JsonSerializer.Serialize(_created, IdempotencyJson.Options), Arg.Any<CancellationToken>());
        await _claim.Received(1).DisposeAsync();
        Assert.False(_idempotency.Replayed);
    }

    [Fact]
    public async Task A_replay_returns_the_stored_response_without_running_the_command()
    {
        _idempotency.Use("key-1");
        _claim.Outcome.Returns(IdempotencyOutcome.Replay);
        _claim.StoredResponse.Returns(JsonSerializer.Serialize(_created, IdempotencyJson.Options));

        var response = await Behavior<CreateWorkspace, WorkspaceDto>()
            .Handle(new CreateWorkspace("Acme"), default, Handler(_created with { Name = "Other" }));

        Assert.Equal(_created, response);
        Assert.Equal(0, _handlerRuns);
        Assert.True(_idempotency.Replayed);
        Assert.Equal("replayed", _metrics.Single("iagenify.idempotency.requests").Tags["outcome"]);
    }

    [Fact]
    public async Task Another_request_with_the_key_is_refused_and_so_is_a_duplicate_in_flight()
    {
        _idempotency.Use("key-1");
        _claim.Outcome.Returns(IdempotencyOutcome.Mismatch);
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => CreateAsync());

        _idempotency.Use("key-1");
        _claim.Outcome.Returns(IdempotencyOutcome.InFlight);
        var conflict = await Assert.ThrowsAsync<ConflictException>(() => CreateAsync());

        Assert.Equal("idempotency_key_in_flight", conflict.Code);
        Assert.Equal(0, _handlerRuns);
    }

    [Fact]
    public async Task A_failing_command_is_not_stored()
    {
        _idempotency.Use("key-1");
        _claim.Outcome.Returns(IdempotencyOutcome.Acquired);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Behavior<CreateWorkspace, WorkspaceDto>()
            .Handle(new CreateWorkspace("Acme"), default, () => throw new InvalidOperationException()));

        await _claim.DidNotReceiveWithAnyArgs().CompleteAsync(default!, default);
        await _claim.Received(1).DisposeAsync();
    }

    [Fact]
    public async Task Workspace_commands_share_the_workspace_scope()
    {
        var workspaceId = Guid.CreateVersion7();
        _context.EnterWorkspace(workspaceId, Role.Admin);
        _idempotency.Use("key-1");
        _claim.Outcome.Returns(IdempotencyOutcome.Acquired);

        await CreateAsync();

        await _store.Received(1).ClaimAsync(Arg.Is<IdempotencyRequest>(r => r.Scope == $"workspace:{workspaceId:N}"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Queries_and_commands_answering_with_a_secret_never_touch_the_store()
    {
        _idempotency.Use("key-1");
        await Behavior<GetWorkspace, WorkspaceDto>().Handle(new GetWorkspace(Guid.CreateVersion7()), default, Handler(_created));
        _idempotency.Use("key-2");
        var created = new CreatedApiKeyDto(Guid.CreateVersion7(), "k", Role.Viewer, ApiKeySecret.Create(), "iag_x", DateTimeOffset.UnixEpoch, null);
        await Behavior<CreateApiKey, CreatedApiKeyDto>().Handle(new CreateApiKey(Guid.CreateVersion7(), "k", Role.Viewer), default, Handler(created));

        Assert.Equal(2, _handlerRuns);
        await _store.DidNotReceiveWithAnyArgs().ClaimAsync(default!, default);
    }

    [Fact]
    public async Task The_key_is_used_once_so_requests_sent_by_a_handler_do_not_inherit_it()
    {
        _idempotency.Use("key-1");
        _claim.Outcome.Returns(IdempotencyOutcome.Acquired);

        await CreateAsync();
        await CreateAsync();

        Assert.Equal(2, _handlerRuns);
        await _store.Received(1).ClaimAsync(Arg.Any<IdempotencyRequest>(), Arg.Any<CancellationToken>());
    }

    public void Dispose() => _metrics.Dispose();
}
