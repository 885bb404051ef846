using IaGenify.Api.Tests.Support;
using IaGenify.Application.Admin;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Identity.Queries.GetMe;
using Npgsql;

namespace IaGenify.Api.Tests.Admin;

public sealed class AdminTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Customers_cannot_use_platform_admin_routes()
    {
        var owner = await RegisterAsync();
        await CreateWorkspaceAsync(owner);

        await (await owner.Client.GetAsync("/api/v1/admin/workspaces")).ShouldBeProblem(403, "platform_admin_required");
        await (await Anonymous().GetAsync("/api/v1/admin/workspaces")).ShouldBeProblem(401);
    }

    [Fact]
    public async Task Staff_list_every_workspace_and_each_use_is_audited()
    {
        var customer = await RegisterAsync();
        await CreateWorkspaceAsync(customer, "Bakery Bliss");
        await CreateWorkspaceAsync(customer, "Garage Band");
        var staff = await RegisterAsync(ApiFactory.AdminEmail);

        var response = await staff.Client.GetAsync("/api/v1/admin/workspaces?search=bakery");

        await response.ShouldBe(200);
        var listed = Assert.Single((await response.ReadAsync<CursorPage<AdminWorkspaceDto>>()).Items);
        Assert.Equal(("Bakery Bliss", 1), (listed.Name, listed.MemberCount));
        Assert.True((await (await staff.Client.GetAsync("/api/v1/me")).ReadAsync<MeDto>()).IsPlatformAdmin);

        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM audit_entries WHERE action = 'platform.admin_access' AND actor_id = @actor", connection);
        command.Parameters.AddWithValue("actor", staff.Id);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }
}
