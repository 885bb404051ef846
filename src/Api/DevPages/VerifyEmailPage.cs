namespace IaGenify.Api.DevPages;

/// <summary><c>/verify-email?token=…</c>: confirms the address as soon as the page opens, as a frontend would.</summary>
internal static class VerifyEmailPage
{
    public const string Route = "/verify-email";
    public const string Title = "Confirm your email";

    public const string Body = """
        <p id="progress">Confirming your email address…</p>
        """;

    public const string Script = """
        (async () => {
          if (!token) return;
          const result = await post('/api/v1/auth/verify-email', { token });
          $('progress').hidden = true;
          if (result.ok) show('Your email address is confirmed. You can close this page.', true);
          else show(problem(result), false);
        })();
        """;
}
