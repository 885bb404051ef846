using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Workspaces.Purge;
using Microsoft.Extensions.DependencyInjection;
using IaGenify.Application.Audit;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Identity.Queries.GetMe;
using IaGenify.Application.Workspaces;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Api.Tests.Lifecycle;

public sealed class AccountDeletionTests(ApiFixture fixture) : LifecycleTest(fixture)
{
    private static HttpRequestMessage DeleteMe(string password) =>
        new(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password }) };

    [Fact]
    public async Task Deleting_my_account_hands_my_workspace_to_the_admin_and_erases_me()
    {
        var team = await CreateTeamAsync();
        var owner = team.Owner;
        var solo = await CreateWorkspaceAsync(owner, "Solo");
        var other = await RegisterAsync();
        var otherWorkspace = await CreateWorkspaceAsync(other, "Elsewhere");
        await (await other.Client.PostAsJsonAsync($"/api/v1/workspaces/{otherWorkspace}/invitations", new { email = owner.Email, role = "member" })).ShouldBe(201);

        var response = await owner.Client.SendAsync(DeleteMe(Password));

        await response.ShouldBe(204);
        // The longest-standing admin now owns the team's workspace; the deleted owner is no longer a member.
        var me = await (await team.Admin.Client.GetAsync("/api/v1/me")).ReadAsync<MeDto>();
        Assert.Equal(Role.Owner, me.Workspaces[0].Role);
        var members = await (await team.Admin.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/members")).ReadAsync<CursorPage<MemberDto>>();
        Assert.DoesNotContain(members.Items, m => m.UserId == owner.Id);
        var audit = await (await team.Admin.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/audit-log?action=workspace.ownership_transferred"))
            .ReadAsync<CursorPage<AuditEntryDto>>();
        Assert.Equal(team.Admin.Id.ToString(), audit.Items[0].TargetId);
        // The workspace nobody else belonged to is deleted, due for purge now, and the sweep removes it.
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM workspaces WHERE id = @id AND deleted_at IS NOT NULL AND purge_after <= now()", ("id", solo)));
        await Factory.Services.GetRequiredService<WorkspacePurger>().PurgeDueAsync(CancellationToken.None);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM workspaces WHERE id = @id", ("id", solo)));
        // The invitation sent to the address is revoked and no longer names it.
        var invitations = await (await other.Client.GetAsync($"/api/v1/workspaces/{otherWorkspace}/invitations")).ReadAsync<CursorPage<InvitationDto>>();
        var invitation = invitations.Items[0];
        Assert.Equal(InvitationStatus.Revoked, invitation.Status);
        Assert.EndsWith("@deleted.invalid", invitation.Email);
        // Nothing personal is left on the account, and its sessions are gone.
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM users WHERE email = @email OR display_name = 'Test User' AND id = @id",
            ("email", owner.Email.ToLowerInvariant()), ("id", owner.Id)));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM refresh_tokens WHERE user_id = @id", ("id", owner.Id)));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM one_time_tokens WHERE user_id = @id", ("id", owner.Id)));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM audit_entries WHERE details::text LIKE @email", ("email", $"%{owner.Email}%")));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'account.deleted' AND target_id = @id", ("id", owner.Id.ToString())));
    }

    [Fact]
    public async Task A_deleted_account_cannot_sign_in_or_refresh_and_its_email_can_register_again()
    {
        var user = await RegisterAsync();

        await (await user.Client.SendAsync(DeleteMe(Password))).ShouldBe(204);

        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = Password }))
            .ShouldBeProblem(401, "unauthenticated");
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken }))
            .ShouldBeProblem(401, "unauthenticated");
        var again = await RegisterAsync(user.Email);
        Assert.NotEqual(user.Id, again.Id);
    }

    [Fact]
    public async Task A_wrong_password_is_a_400_on_the_password_field_and_changes_nothing()
    {
        var team = await CreateTeamAsync();

        var wrong = await team.Owner.Client.SendAsync(DeleteMe("not my password"));
        var empty = await team.Owner.Client.SendAsync(DeleteMe(""));

        Assert.Contains("password", (await wrong.ShouldBeProblem(400, "validation_failed")).ErrorFields());
        Assert.Contains("password", (await empty.ShouldBeProblem(400, "validation_failed")).ErrorFields());
        await (await team.Owner.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/members")).ShouldBe(200);
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = team.Owner.Email, password = Password })).ShouldBe(200);
    }

    [Fact]
    public async Task A_sole_owner_with_only_a_viewer_left_hands_over_to_the_viewer()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var viewer = await AddMemberAsync(owner, workspaceId, "viewer");

        await (await owner.Client.SendAsync(DeleteMe(Password))).ShouldBe(204);

        var workspace = await (await viewer.Client.GetAsync($"/api/v1/workspaces/{workspaceId}")).ReadAsync<WorkspaceDto>();
        Assert.Equal(Role.Owner, workspace.Role);
    }

    [Fact]
    public async Task Platform_staff_delete_an_account_others_cannot()
    {
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        var team = await CreateTeamAsync();
        var url = $"/api/v1/admin/users/{team.Member.Id}";

        await (await team.Owner.Client.DeleteAsync(url)).ShouldBeProblem(403, "platform_admin_required");
        await (await staff.Client.DeleteAsync(url)).ShouldBe(204);
        await (await staff.Client.DeleteAsync(url)).ShouldBeProblem(404, "not_found");
        await (await staff.Client.DeleteAsync($"/api/v1/admin/users/{Guid.NewGuid()}")).ShouldBeProblem(404, "not_found");

        var members = await (await team.Owner.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/members")).ReadAsync<CursorPage<MemberDto>>();
        Assert.Equal(3, members.Items.Count);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'account.deleted' AND target_id = @id AND details->>'by' = 'platform_admin'",
            ("id", team.Member.Id.ToString())));
    }
}
