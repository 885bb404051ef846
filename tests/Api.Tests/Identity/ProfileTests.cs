using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Identity;
using IaGenify.Application.Identity.Queries.GetMe;

namespace IaGenify.Api.Tests.Identity;

public sealed class ProfileTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task The_display_name_changes_and_a_blank_one_is_400()
    {
        var user = await RegisterAsync(displayName: "Ada");

        var renamed = await user.Client.PatchAsJsonAsync("/api/v1/me", new { displayName = "  Ada Lovelace " });
        await renamed.ShouldBe(200);
        Assert.Equal("Ada Lovelace", (await renamed.ReadAsync<UserDto>()).DisplayName);
        Assert.Equal("Ada Lovelace", (await (await user.Client.GetAsync("/api/v1/me")).ReadAsync<MeDto>()).DisplayName);

        var blank = await user.Client.PatchAsJsonAsync("/api/v1/me", new { displayName = " " });
        Assert.Contains("displayName", (await blank.ShouldBeProblem(400, "validation_failed")).ErrorFields());
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_signs_out_the_others_and_emails_a_notice()
    {
        var user = await RegisterAsync();
        var other = await SignInAsync(user, ChromeOnWindows);

        var changed = await user.Client.PostAsJsonAsync("/api/v1/me/password",
            new { currentPassword = Password, newPassword = "a brand new passphrase" });

        await changed.ShouldBe(204);
        await (await RefreshAsync(other.RefreshToken)).ShouldBeProblem(401);
        await (await other.Client.GetAsync("/api/v1/me")).ShouldBeProblem(401);
        await (await user.Client.GetAsync("/api/v1/me")).ShouldBe(200);
        await (await RefreshAsync(user.RefreshToken)).ShouldBe(200);
        await (await LoginAsync(user.Email)).ShouldBeProblem(401);
        await (await LoginAsync(user.Email, "a brand new passphrase")).ShouldBe(200);
        Assert.Contains(Emails, e => e.To == user.Email && e.Subject.Contains("password was changed"));
    }

    [Fact]
    public async Task A_wrong_current_password_is_400_on_the_field_and_counts_toward_the_login_throttle()
    {
        var user = await RegisterAsync();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await user.Client.PostAsJsonAsync("/api/v1/me/password",
                new { currentPassword = "not my password", newPassword = "a brand new passphrase" });
            Assert.Equal(["currentPassword"], (await wrong.ShouldBeProblem(400, "validation_failed")).ErrorFields());
        }

        await (await LoginAsync(user.Email)).ShouldBeProblem(429);
        var locked = await user.Client.PostAsJsonAsync("/api/v1/me/password",
            new { currentPassword = Password, newPassword = "a brand new passphrase" });
        await locked.ShouldBeProblem(429);
    }

    [Fact]
    public async Task A_new_password_too_short_is_400()
    {
        var user = await RegisterAsync();

        var response = await user.Client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = Password, newPassword = "short" });

        Assert.Equal(["newPassword"], (await response.ShouldBeProblem(400)).ErrorFields());
    }

    [Fact]
    public async Task The_email_changes_only_when_the_link_sent_to_the_new_address_is_opened_and_the_old_address_is_told()
    {
        var user = await RegisterAsync("old@example.com");

        var requested = await user.Client.PostAsJsonAsync("/api/v1/me/email", new { newEmail = "New@Example.com", password = Password });

        await requested.ShouldBe(202);
        Assert.Equal("old@example.com", (await (await user.Client.GetAsync("/api/v1/me")).ReadAsync<MeDto>()).Email);
        var token = TokenMailedTo("new@example.com");
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/confirm-email-change", new { token })).ShouldBe(204);

        var me = await (await user.Client.GetAsync("/api/v1/me")).ReadAsync<MeDto>();
        Assert.Equal(("new@example.com", true), (me.Email, me.EmailVerified));
        Assert.Contains(Emails, e => e.To == "old@example.com" && e.Subject.Contains("email was changed"));
        await (await LoginAsync("new@example.com")).ShouldBe(200);
        await (await LoginAsync("old@example.com")).ShouldBeProblem(401);
        var again = await Anonymous().PostAsJsonAsync("/api/v1/auth/confirm-email-change", new { token });
        Assert.Contains("token", (await again.ShouldBeProblem(400)).ErrorFields());
    }

    [Fact]
    public async Task An_email_change_needs_the_password_a_free_address_and_only_the_newest_link_works()
    {
        var user = await RegisterAsync();
        await RegisterAsync("taken@example.com");

        var wrongPassword = await user.Client.PostAsJsonAsync("/api/v1/me/email", new { newEmail = "free@example.com", password = "nope nope" });
        Assert.Equal(["password"], (await wrongPassword.ShouldBeProblem(400)).ErrorFields());
        var taken = await user.Client.PostAsJsonAsync("/api/v1/me/email", new { newEmail = "taken@example.com", password = Password });
        await taken.ShouldBeProblem(409, "email_taken");

        await (await user.Client.PostAsJsonAsync("/api/v1/me/email", new { newEmail = "first@example.com", password = Password })).ShouldBe(202);
        var firstLink = TokenMailedTo("first@example.com");
        await (await user.Client.PostAsJsonAsync("/api/v1/me/email", new { newEmail = "second@example.com", password = Password })).ShouldBe(202);

        var stale = await Anonymous().PostAsJsonAsync("/api/v1/auth/confirm-email-change", new { token = firstLink });
        await stale.ShouldBeProblem(400);
        await (await Anonymous().PostAsJsonAsync("/api/v1/auth/confirm-email-change", new { token = TokenMailedTo("second@example.com") }))
            .ShouldBe(204);
    }
}
