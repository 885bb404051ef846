namespace IaGenify.Api.DevPages;

/// <summary>
/// <c>/invitations/accept?token=…</c>: signs in (with a two-factor code when the account asks for one) or creates an
/// account with the invited address, then accepts the invitation as that user.
/// </summary>
internal static class AcceptInvitationPage
{
    public const string Route = "/invitations/accept";
    public const string Title = "Join a workspace";

    public const string Body = """
        <p>Sign in with the address the invitation was sent to, or create an account with it.</p>
        <form id="accept">
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="username" required>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
          <div id="mfa" hidden>
            <label for="code">Two-factor code</label>
            <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code">
          </div>
          <label><input id="create" type="checkbox"> I have no account yet: create one</label>
          <div id="newAccount" hidden>
            <label for="displayName">Your name</label>
            <input id="displayName" name="displayName" autocomplete="name">
          </div>
          <button type="submit">Accept the invitation</button>
        </form>
        """;

    public const string Script = """
        let mfaToken = null;
        $('create').addEventListener('change', () => { $('newAccount').hidden = !$('create').checked; });
        async function signIn() {
          const email = $('email').value, password = $('password').value;
          if ($('create').checked)
            return post('/api/v1/auth/register', { email, password, displayName: $('displayName').value || email });
          if (mfaToken)
            return post('/api/v1/auth/login/mfa', { mfaToken, code: $('code').value });
          return post('/api/v1/auth/login', { email, password });
        }
        $('accept').addEventListener('submit', async event => {
          event.preventDefault();
          const session = await signIn();
          if (!session.ok) { show(problem(session), false); return; }
          if (session.body.mfaRequired) {
            mfaToken = session.body.mfaToken;
            $('mfa').hidden = false;
            show('Enter the code of your authenticator app.', false);
            return;
          }
          const accepted = await post('/api/v1/invitations/accept', { token }, session.body.accessToken);
          if (!accepted.ok) { show(problem(accepted), false); return; }
          $('accept').hidden = true;
          show('You joined the workspace "' + accepted.body.name + '".', true);
        });
        """;
}
