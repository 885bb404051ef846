using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Identity.Queries.GetMe;
using IaGenify.Application.Workspaces;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Api.Tests.Workspaces;

public sealed class InvitationTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task An_invitation_is_accepted_once_and_grants_the_role()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner, "Studio");
        var invitee = await RegisterAsync("invitee@example.com");
        await (await owner.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations",
            new { email = "Invitee@Example.com", role = "member" })).ShouldBe(201);
        var email = Emails.Single(e => e.To == "invitee@example.com" && e.Subject.Contains("invited"));
        Assert.Contains("https://app.iagenify.test/invitations/accept?token=", email.Body);
        var token = TokenMailedTo("invitee@example.com");

        var accepted = await invitee.Client.PostAsJsonAsync("/api/v1/invitations/accept", new { token });

        await accepted.ShouldBe(200);
        Assert.Equal(Role.Member, (await accepted.ReadAsync<WorkspaceDto>()).Role);
        var me = await (await invitee.Client.GetAsync("/api/v1/me")).ReadAsync<MeDto>();
        Assert.Equal(workspaceId, me.Workspaces[0].Id);
        await (await invitee.Client.PostAsJsonAsync("/api/v1/invitations/accept", new { token })).ShouldBeProblem(409, "invitation.used");
    }

    [Fact]
    public async Task Only_the_invited_email_can_accept()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await owner.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations", new { email = "right@example.com", role = "viewer" });
        var intruder = await RegisterAsync("wrong@example.com");

        var response = await intruder.Client.PostAsJsonAsync("/api/v1/invitations/accept", new { token = TokenMailedTo("right@example.com") });

        await response.ShouldBeProblem(403, "invitation.email_mismatch");
    }

    [Fact]
    public async Task An_expired_invitation_cannot_be_accepted()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var invitee = await RegisterAsync();
        await owner.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations", new { email = invitee.Email, role = "viewer" });
        Clock.Advance(TimeSpan.FromDays(8));

        var response = await invitee.Client.PostAsJsonAsync("/api/v1/invitations/accept", new { token = TokenMailedTo(invitee.Email) });

        await response.ShouldBeProblem(409, "invitation.expired");
    }

    [Fact]
    public async Task A_revoked_invitation_cannot_be_accepted()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var invitee = await RegisterAsync();
        var created = await (await owner.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations",
            new { email = invitee.Email, role = "viewer" })).ReadAsync<InvitationDto>();

        await (await owner.Client.DeleteAsync($"/api/v1/workspaces/{workspaceId}/invitations/{created.Id}")).ShouldBe(204);

        await (await invitee.Client.PostAsJsonAsync("/api/v1/invitations/accept", new { token = TokenMailedTo(invitee.Email) }))
            .ShouldBeProblem(409, "invitation.revoked");
        var list = await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/invitations")).ReadAsync<CursorPage<InvitationDto>>();
        Assert.Equal(InvitationStatus.Revoked, list.Items[0].Status);
    }

    [Fact]
    public async Task Inviting_a_member_or_a_pending_email_again_is_409()
    {
        var team = await CreateTeamAsync();
        var invitations = $"/api/v1/workspaces/{team.WorkspaceId}/invitations";

        await (await team.Owner.Client.PostAsJsonAsync(invitations, new { email = team.Member.Email, role = "viewer" })).ShouldBeProblem(409, "member.exists");
        await (await team.Owner.Client.PostAsJsonAsync(invitations, new { email = "new@example.com", role = "viewer" })).ShouldBe(201);
        await (await team.Owner.Client.PostAsJsonAsync(invitations, new { email = "NEW@example.com", role = "member" })).ShouldBeProblem(409, "invitation.pending");
    }

    [Fact]
    public async Task An_unknown_token_is_404()
    {
        var user = await RegisterAsync();
        await (await user.Client.PostAsJsonAsync("/api/v1/invitations/accept", new { token = "no-such-token" })).ShouldBeProblem(404);
    }
}
