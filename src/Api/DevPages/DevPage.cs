using System.Net;
using System.Security.Cryptography;

namespace IaGenify.Api.DevPages;

/// <summary>
/// The frame of a development page: one HTML document with its own inline style and script, allowed by a per-response
/// nonce and nothing else (no external asset, no inline handler, requests only to this origin). The token stays in the
/// URL the email gave; the script reads it from there, so nothing from the request is written into the page.
/// </summary>
internal static class DevPage
{
    private const string Style = """
        body { font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; color: #1d1d1f; }
        h1 { font-size: 1.4rem; }
        label { display: block; margin: .8rem 0 .2rem; }
        input { width: 100%; padding: .5rem; box-sizing: border-box; font: inherit; }
        button { margin-top: 1rem; padding: .5rem 1rem; font: inherit; }
        .note { color: #6e6e73; font-size: .9rem; }
        #result.ok { color: #1a7f37; }
        #result.error { color: #b42318; white-space: pre-line; }
        [hidden] { display: none; }
        """;

    /// <summary>Helpers every page script uses: the token of the link, JSON posts to the API, and the outcome line.</summary>
    private const string Helpers = """
        const token = new URLSearchParams(location.search).get('token') || '';
        const $ = id => document.getElementById(id);
        function show(text, ok) { const out = $('result'); out.textContent = text; out.className = ok ? 'ok' : 'error'; }
        async function post(path, body, accessToken) {
          const headers = { 'Content-Type': 'application/json' };
          if (accessToken) headers.Authorization = 'Bearer ' + accessToken;
          const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
          const text = await response.text();
          return { status: response.status, ok: response.ok, body: text ? JSON.parse(text) : null };
        }
        function problem(result) {
          const body = result.body || {};
          const fields = body.errors ? Object.values(body.errors).flat() : [];
          return [body.detail || body.title || ('The API answered ' + result.status + '.'), ...fields].join('\n');
        }
        if (!token) show('This link has no token: open the link from the email as it is.', false);
        """;

    public static IResult Render(HttpContext http, string title, string body, string script)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; " +
                                        "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{WebUtility.HtmlEncode(title)} · IaGenify (development)</title>
            <style nonce="{nonce}">{Style}</style>
            </head>
            <body>
            <h1>{WebUtility.HtmlEncode(title)}</h1>
            {body}
            <p id="result" role="status"></p>
            <p class="note">A development stand-in for the frontend page this link opens (<code>Platform:AppUrl</code>); it is not served outside Development.</p>
            <script nonce="{nonce}">
            {Helpers}
            {script}
            </script>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
