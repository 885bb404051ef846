using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Webhooks;
using IaGenify.Application.Audit;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Workspaces;
using IaGenify.Application.Workspaces.Commands.OfferOwnershipTransfer;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Api.Tests.Workspaces;

public sealed class OwnershipTransferTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static string Offer(Guid workspaceId) => $"/api/v1/workspaces/{workspaceId}/ownership-transfer";

    private static async Task<Role> RoleOfAsync(TestUser viewer, Guid workspaceId, Guid userId)
    {
        var members = (await (await viewer.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/members")).ReadAsync<CursorPage<MemberDto>>()).Items;
        return members.Single(m => m.UserId == userId).Role;
    }

    [Fact]
    public async Task The_owner_hands_the_workspace_to_an_admin_who_accepts_and_the_old_owner_becomes_admin()
    {
        var team = await CreateTeamAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await receiver.RegisterAsync(team.Owner, team.WorkspaceId, "workspace.ownership_transferred");

        var offered = await team.Owner.Client.PostAsJsonAsync(Offer(team.WorkspaceId), new { userId = team.Admin.Id });

        await offered.ShouldBe(202);
        Assert.Equal(team.Admin.Id, (await offered.ReadAsync<OwnershipTransferDto>()).UserId);
        Assert.Equal(Role.Admin, await RoleOfAsync(team.Owner, team.WorkspaceId, team.Admin.Id));
        var token = TokenMailedTo(team.Admin.Email);
        await (await team.Member.Client.PostAsync($"/api/v1/ownership-transfers/{token}/accept", null)).ShouldBeProblem(404);

        var accepted = await team.Admin.Client.PostAsync($"/api/v1/ownership-transfers/{token}/accept", null);

        await accepted.ShouldBe(200);
        Assert.Equal(Role.Owner, (await accepted.ReadAsync<WorkspaceDto>()).Role);
        Assert.Equal(Role.Owner, await RoleOfAsync(team.Admin, team.WorkspaceId, team.Admin.Id));
        Assert.Equal(Role.Admin, await RoleOfAsync(team.Admin, team.WorkspaceId, team.Owner.Id));
        await (await team.Admin.Client.PostAsync($"/api/v1/ownership-transfers/{token}/accept", null)).ShouldBeProblem(404);
        var audit = (await (await team.Admin.Client.GetAsync(
            $"/api/v1/workspaces/{team.WorkspaceId}/audit-log?action=workspace.ownership_transferred")).ReadAsync<CursorPage<AuditEntryDto>>()).Items;
        var entry = Assert.Single(audit);
        Assert.Equal(team.Admin.Id, entry.ActorId);
        var delivered = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal("workspace.ownership_transferred", delivered.Type);
        Assert.Equal(team.Admin.Id, delivered.Data.GetProperty("newOwnerUserId").GetGuid());
        Assert.Equal(team.Owner.Id, delivered.Data.GetProperty("previousOwnerUserId").GetGuid());
    }

    [Fact]
    public async Task Only_an_owner_offers_and_only_to_a_verified_admin_of_the_workspace()
    {
        var team = await CreateTeamAsync();
        var outsider = await RegisterAsync();

        await (await team.Admin.Client.PostAsJsonAsync(Offer(team.WorkspaceId), new { userId = team.Member.Id })).ShouldBeProblem(403);
        await (await outsider.Client.PostAsJsonAsync(Offer(team.WorkspaceId), new { userId = outsider.Id })).ShouldBeProblem(404);
        foreach (var target in new[] { team.Member.Id, team.Viewer.Id, outsider.Id, team.Owner.Id })
        {
            var refused = await team.Owner.Client.PostAsJsonAsync(Offer(team.WorkspaceId), new { userId = target });
            Assert.Equal(["userId"], (await refused.ShouldBeProblem(400)).ErrorFields());
        }

        var unverified = await RegisterAsync(verified: false);
        await (await team.Owner.Client.PostAsJsonAsync($"/api/v1/workspaces/{team.WorkspaceId}/invitations",
            new { email = unverified.Email, role = "admin" })).ShouldBe(201);
        await (await unverified.Client.PostAsJsonAsync("/api/v1/invitations/accept", new { token = TokenMailedTo(unverified.Email) })).ShouldBe(200);
        var notVerified = await team.Owner.Client.PostAsJsonAsync(Offer(team.WorkspaceId), new { userId = unverified.Id });
        Assert.Contains("verified", (await notVerified.ShouldBeProblem(400)).Errors!["userId"][0]);
    }

    [Fact]
    public async Task A_newer_offer_cancels_the_older_one_and_an_offer_expires()
    {
        var team = await CreateTeamAsync();
        var secondAdmin = await AddMemberAsync(team.Owner, team.WorkspaceId, "admin");

        await (await team.Owner.Client.PostAsJsonAsync(Offer(team.WorkspaceId), new { userId = team.Admin.Id })).ShouldBe(202);
        var first = TokenMailedTo(team.Admin.Email);
        await (await team.Owner.Client.PostAsJsonAsync(Offer(team.WorkspaceId), new { userId = secondAdmin.Id })).ShouldBe(202);
        var second = TokenMailedTo(secondAdmin.Email);

        await (await team.Admin.Client.PostAsync($"/api/v1/ownership-transfers/{first}/accept", null)).ShouldBeProblem(404);
        Clock.Advance(TimeSpan.FromDays(8));
        await (await secondAdmin.Client.PostAsync($"/api/v1/ownership-transfers/{second}/accept", null)).ShouldBeProblem(404);
        Assert.Equal(Role.Owner, await RoleOfAsync(team.Owner, team.WorkspaceId, team.Owner.Id));
    }
}
