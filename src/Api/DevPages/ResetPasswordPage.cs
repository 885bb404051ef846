namespace IaGenify.Api.DevPages;

/// <summary><c>/reset-password?token=…</c>: asks for the new password and sets it.</summary>
internal static class ResetPasswordPage
{
    public const string Route = "/reset-password";
    public const string Title = "Choose a new password";

    public const string Body = """
        <form id="reset">
          <label for="newPassword">New password</label>
          <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required>
          <button type="submit">Set the new password</button>
        </form>
        """;

    public const string Script = """
        $('reset').addEventListener('submit', async event => {
          event.preventDefault();
          const result = await post('/api/v1/auth/reset-password', { token, newPassword: $('newPassword').value });
          if (!result.ok) { show(problem(result), false); return; }
          $('reset').hidden = true;
          show('Your password is changed and every session was signed out. Sign in with the new password.', true);
        });
        """;
}
