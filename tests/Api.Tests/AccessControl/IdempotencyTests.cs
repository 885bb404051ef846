using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.ApiKeys;
using IaGenify.Application.Workspaces;
using IaGenify.Infrastructure.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IaGenify.Api.Tests.AccessControl;

public sealed class IdempotencyTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static HttpRequestMessage Post(string path, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task Retrying_a_create_with_the_same_key_and_body_returns_the_first_response_and_creates_once()
    {
        var user = await RegisterAsync();
        var key = Guid.NewGuid().ToString();

        var first = await user.Client.SendAsync(Post("/api/v1/workspaces", new { name = "Once" }, key));
        var retry = await user.Client.SendAsync(Post("/api/v1/workspaces", new { name = "Once" }, key));

        await first.ShouldBe(201);
        await retry.ShouldBe(201);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM workspaces WHERE name = 'Once'"));
    }

    [Fact]
    public async Task Reusing_a_key_for_another_body_is_422_and_changes_nothing()
    {
        var user = await RegisterAsync();
        var key = Guid.NewGuid().ToString();
        await (await user.Client.SendAsync(Post("/api/v1/workspaces", new { name = "First" }, key))).ShouldBe(201);

        await (await user.Client.SendAsync(Post("/api/v1/workspaces", new { name = "Second" }, key)))
            .ShouldBeProblem(422, "idempotency_key_reused");

        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM workspaces WHERE name = 'Second'"));
    }

    [Fact]
    public async Task Invitations_are_created_and_mailed_once_per_key_within_a_workspace()
    {
        var team = await CreateTeamAsync();
        var path = $"/api/v1/workspaces/{team.WorkspaceId}/invitations";
        var key = Guid.NewGuid().ToString();
        var mailsBefore = Emails.Count;

        var first = await team.Owner.Client.SendAsync(Post(path, new { email = "once@example.com", role = "viewer" }, key));
        // Keys are shared by the workspace: another admin retrying the same request gets the same answer.
        var retry = await team.Admin.Client.SendAsync(Post(path, new { email = "once@example.com", role = "viewer" }, key));

        await first.ShouldBe(201);
        await retry.ShouldBe(201);
        Assert.Equal((await first.ReadAsync<InvitationDto>()).Id, (await retry.ReadAsync<InvitationDto>()).Id);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM invitations WHERE email = 'once@example.com'"));
        Assert.Equal(mailsBefore + 1, Emails.Count);
    }

    [Fact]
    public async Task Keys_are_scoped_so_the_same_key_elsewhere_is_a_new_request()
    {
        var alice = await RegisterAsync();
        var bob = await RegisterAsync();
        var key = Guid.NewGuid().ToString();

        var mine = await (await alice.Client.SendAsync(Post("/api/v1/workspaces", new { name = "Same" }, key))).ReadAsync<WorkspaceDto>();
        var theirs = await (await bob.Client.SendAsync(Post("/api/v1/workspaces", new { name = "Same" }, key))).ReadAsync<WorkspaceDto>();

        Assert.NotEqual(mine.Id, theirs.Id);
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM workspaces WHERE name = 'Same'"));
    }

    [Fact]
    public async Task A_refused_command_does_not_use_up_its_key()
    {
        var team = await CreateTeamAsync();
        var path = $"/api/v1/workspaces/{team.WorkspaceId}/invitations";
        var key = Guid.NewGuid().ToString();

        await (await team.Owner.Client.SendAsync(Post(path, new { email = team.Member.Email, role = "viewer" }, key)))
            .ShouldBeProblem(409, "member.exists");
        await (await team.Owner.Client.SendAsync(Post(path, new { email = "corrected@example.com", role = "viewer" }, key))).ShouldBe(201);
    }

    [Fact]
    public async Task A_duplicate_arriving_while_the_first_is_in_flight_gets_409()
    {
        var user = await RegisterAsync();
        var key = Guid.NewGuid().ToString();
        // What a first request holds while its command runs: the advisory lock of its scope and key.
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using (var hold = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(@name, 0))", connection))
        {
            hold.Parameters.AddWithValue("name", $"user:{user.Id:N}\n{key}");
            await hold.ExecuteNonQueryAsync();
        }

        await (await user.Client.SendAsync(Post("/api/v1/workspaces", new { name = "Racing" }, key)))
            .ShouldBeProblem(409, "idempotency_key_in_flight");

        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection))
            await release.ExecuteNonQueryAsync();
        await (await user.Client.SendAsync(Post("/api/v1/workspaces", new { name = "Racing" }, key))).ShouldBe(201);
    }

    [Fact]
    public async Task Keys_expire_after_a_day_and_the_sweep_deletes_them()
    {
        var user = await RegisterAsync();
        var key = Guid.NewGuid().ToString();
        await (await user.Client.SendAsync(Post("/api/v1/workspaces", new { name = "Day one" }, key))).ShouldBe(201);
        var sweeper = Factory.Services.GetRequiredService<IdempotencySweeper>();
        Assert.Equal(0, await sweeper.SweepOnceAsync(CancellationToken.None));

        Clock.Advance(TimeSpan.FromHours(25));

        await (await user.Client.SendAsync(Post("/api/v1/workspaces", new { name = "Day two" }, key))).ShouldBe(201);
        Clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(1, await sweeper.SweepOnceAsync(CancellationToken.None));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM idempotency_records"));
    }

    [Fact]
    public async Task Malformed_keys_are_400_and_key_creation_ignores_idempotency_so_secrets_are_never_stored()
    {
        var user = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(user);

        var tooLong = await (await user.Client.SendAsync(Post("/api/v1/workspaces", new { name = "x" }, new string('k', 256))))
            .ShouldBeProblem(400, "validation_failed");
        Assert.Equal(["Idempotency-Key"], tooLong.ErrorFields());

        var key = Guid.NewGuid().ToString();
        await SubscribeToPlanAsync(workspaceId);
        var first = await (await user.Client.SendAsync(Post($"/api/v1/workspaces/{workspaceId}/api-keys", new { name = "k", role = "viewer" }, key))).ReadAsync<CreatedApiKeyDto>();
        var second = await (await user.Client.SendAsync(Post($"/api/v1/workspaces/{workspaceId}/api-keys", new { name = "k", role = "viewer" }, key))).ReadAsync<CreatedApiKeyDto>();
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM idempotency_records WHERE response::text LIKE '%iag\\_%'"));
    }

    [Fact]
    public async Task The_header_is_documented_on_the_routes_that_accept_it()
    {
        var paths = (await (await Anonymous().GetAsync("/openapi/v1.json")).Json()).GetProperty("paths");

        static bool Documents(System.Text.Json.JsonElement operation) =>
            operation.TryGetProperty("parameters", out var parameters)
            && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "Idempotency-Key");

        Assert.True(Documents(paths.GetProperty("/api/v1/workspaces").GetProperty("post")));
        Assert.True(Documents(paths.GetProperty("/api/v1/workspaces/{workspaceId}/invitations").GetProperty("post")));
        Assert.False(Documents(paths.GetProperty("/api/v1/workspaces/{workspaceId}/api-keys").GetProperty("post")));
    }
}
