using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Admin;
using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Queries.GetMe;

namespace IaGenify.Api.Tests.Admin;

/// <summary>Platform staff suspend an account: it loses every way in (tokens, sign-in, its API keys) until they lift it.</summary>
public sealed class UserSuspensionTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_suspended_account_loses_its_tokens_its_sign_in_and_its_keys_until_the_suspension_is_lifted()
    {
        var user = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(user);
        var key = WithApiKey((await CreateApiKeyAsync(user, workspaceId, "admin")).Key);
        var keyRoute = $"/api/v1/workspaces/{workspaceId}/api-keys";
        await (await key.GetAsync(keyRoute)).ShouldBe(200);
        var staff = await RegisterAsync(ApiFactory.AdminEmail);

        var suspend = await staff.Client.PostAsJsonAsync($"/api/v1/admin/users/{user.Id}/suspend", new { reason = "Card fraud" });

        await suspend.ShouldBe(200);
        var suspended = await suspend.ReadAsync<AdminUserDto>();
        Assert.Equal((user.Id, user.Email, "Card fraud"), (suspended.Id, suspended.Email, suspended.SuspensionReason));
        Assert.NotNull(suspended.SuspendedAt);
        await (await user.Client.GetAsync("/api/v1/me")).ShouldBeProblem(401);
        await (await user.Client.PostAsJsonAsync("/api/v1/workspaces", new { name = "Ghost" })).ShouldBeProblem(401);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM workspaces WHERE name = 'Ghost'"));
        await (await RefreshAsync(user.RefreshToken)).ShouldBeProblem(403, "account_suspended");
        await (await LoginAsync(user.Email)).ShouldBeProblem(403, "account_suspended");
        // Only whoever knows the password learns of the suspension.
        await (await LoginAsync(user.Email, "not the password")).ShouldBeProblem(401);
        await (await key.GetAsync(keyRoute)).ShouldBeProblem(401);
        await (await key.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations", new { email = "x@example.com", role = "viewer" }))
            .ShouldBeProblem(401);

        var unsuspend = await staff.Client.PostAsync($"/api/v1/admin/users/{user.Id}/unsuspend", null);

        await unsuspend.ShouldBe(200);
        var lifted = await unsuspend.ReadAsync<AdminUserDto>();
        Assert.Equal((null, null), (lifted.SuspendedAt, lifted.SuspensionReason));
        // Signing in again works at once, even within the second of the suspension; the old session stays ended.
        var login = await LoginAsync(user.Email);
        await login.ShouldBe(200);
        var session = await login.ReadAsync<AuthResponse>();
        var me = await Authorized(session.AccessToken).GetAsync("/api/v1/me");
        await me.ShouldBe(200);
        Assert.Equal(user.Id, (await me.ReadAsync<MeDto>()).Id);
        await (await user.Client.GetAsync("/api/v1/me")).ShouldBeProblem(401);
        await (await RefreshAsync(user.RefreshToken)).ShouldBeProblem(401);
        await (await key.GetAsync(keyRoute)).ShouldBe(200);
    }

    [Fact]
    public async Task Suspending_and_lifting_are_audited_with_the_staff_member_and_the_reason()
    {
        var user = await RegisterAsync();
        var staff = await RegisterAsync(ApiFactory.AdminEmail);

        await (await staff.Client.PostAsJsonAsync($"/api/v1/admin/users/{user.Id}/suspend", new { reason = "Spam" })).ShouldBe(200);
        await (await staff.Client.PostAsync($"/api/v1/admin/users/{user.Id}/unsuspend", null)).ShouldBe(200);

        Assert.Equal("Spam", await ScalarAsync<string>(
            "SELECT details->>'reason' FROM audit_entries WHERE action = 'user.suspended' AND target_id = @user AND actor_id = @staff",
            ("user", user.Id.ToString()), ("staff", staff.Id)));
        Assert.Equal(1L, await ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE action = 'user.unsuspended' AND target_id = @user AND actor_id = @staff",
            ("user", user.Id.ToString()), ("staff", staff.Id)));
    }

    [Fact]
    public async Task Only_staff_suspend_accounts_that_exist_once_and_never_their_own()
    {
        var user = await RegisterAsync();
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        var route = $"/api/v1/admin/users/{user.Id}";

        await (await user.Client.PostAsJsonAsync($"/api/v1/admin/users/{staff.Id}/suspend", new { reason = "x" }))
            .ShouldBeProblem(403, "platform_admin_required");
        await (await Anonymous().PostAsJsonAsync($"{route}/suspend", new { reason = "x" })).ShouldBeProblem(401);
        await (await staff.Client.PostAsJsonAsync($"/api/v1/admin/users/{Guid.NewGuid()}/suspend", new { reason = "x" }))
            .ShouldBeProblem(404, "not_found");
        await (await staff.Client.PostAsync($"/api/v1/admin/users/{Guid.NewGuid()}/unsuspend", null)).ShouldBeProblem(404, "not_found");
        await (await staff.Client.PostAsync($"{route}/unsuspend", null)).ShouldBeProblem(409, "user.not_suspended");
        var blank = await (await staff.Client.PostAsJsonAsync($"{route}/suspend", new { reason = " " })).ShouldBeProblem(400, "validation_failed");
        Assert.Equal(["reason"], blank.ErrorFields());
        await (await staff.Client.PostAsJsonAsync($"/api/v1/admin/users/{staff.Id}/suspend", new { reason = "x" }))
            .ShouldBeProblem(409, "user.cannot_suspend_self");
        await (await staff.Client.PostAsJsonAsync($"{route}/suspend", new { reason = "Abuse" })).ShouldBe(200);
        await (await staff.Client.PostAsJsonAsync($"{route}/suspend", new { reason = "Abuse" })).ShouldBeProblem(409, "user.already_suspended");
        await (await staff.Client.GetAsync("/api/v1/me")).ShouldBe(200);
    }

    [Fact]
    public async Task An_erased_account_is_not_found()
    {
        var user = await RegisterAsync();
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        await (await staff.Client.DeleteAsync($"/api/v1/admin/users/{user.Id}")).ShouldBe(204);

        await (await staff.Client.PostAsJsonAsync($"/api/v1/admin/users/{user.Id}/suspend", new { reason = "x" })).ShouldBeProblem(404);
    }

    [Fact]
    public async Task A_sign_in_waiting_for_its_second_factor_is_refused_once_the_account_is_suspended()
    {
        var user = await RegisterAsync();
        var (secret, _) = await EnableTotpAsync(user.Client);
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        await AwayFromStepEndAsync();
        var mfaToken = await MfaTokenAsync(user.Email);

        await (await staff.Client.PostAsJsonAsync($"/api/v1/admin/users/{user.Id}/suspend", new { reason = "Abuse" })).ShouldBe(200);

        await (await LoginWithMfaAsync(mfaToken, TotpCode(secret))).ShouldBeProblem(403, "account_suspended");
    }

    [Fact]
    public async Task A_password_reset_link_is_refused_while_suspended_and_works_once_lifted()
    {
        var user = await RegisterAsync();
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = user.Email })).ShouldBe(202);
        var token = TokenMailedTo(user.Email);
        await (await staff.Client.PostAsJsonAsync($"/api/v1/admin/users/{user.Id}/suspend", new { reason = "Abuse" })).ShouldBe(200);

        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { token, newPassword = "a brand new secret" }))
            .ShouldBeProblem(403, "account_suspended");

        await (await staff.Client.PostAsync($"/api/v1/admin/users/{user.Id}/unsuspend", null)).ShouldBe(200);
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { token, newPassword = "a brand new secret" }))
            .ShouldBe(204);
        var login = await LoginAsync(user.Email, "a brand new secret");
        await login.ShouldBe(200);
        Assert.False(string.IsNullOrEmpty((await login.ReadAsync<AuthResponse>()).AccessToken));
    }
}
