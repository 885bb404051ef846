using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using Npgsql;

namespace IaGenify.Api.Tests.AccessControl;

public sealed class ApiKeyInvitationTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task An_invitation_sent_with_an_api_key_is_attributed_to_the_key_not_to_a_user()
    {
        var team = await CreateTeamAsync();
        var key = await CreateApiKeyAsync(team.Owner, team.WorkspaceId, "admin");

        var response = await WithApiKey(key.Key).PostAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/invitations",
            new { email = "robot-invite@example.com", role = "viewer" });

        await response.ShouldBe(201);
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT invited_by_user_id, invited_by_api_key_id FROM invitations WHERE email = 'robot-invite@example.com'", connection);
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.True(row.IsDBNull(0));
        Assert.Equal(key.Id, row.GetGuid(1));
    }
}
