using System.Security.Cryptography;
using System.Text;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites.Rendering;

/// <summary>
/// The stylesheet of every rendered site: the theme as CSS variables, then one responsive layout. It is inlined and
/// allowed by its hash in the Content-Security-Policy, so a page needs no other request and runs no script.
/// </summary>
internal static class SiteStyles
{
    public static string For(ThemeDto theme) =>
        // Colours are validated #rrggbb values and the font is an enum: nothing here comes from free text.
        $$"""
        :root{--primary:{{theme.Primary}};--accent:{{theme.Accent}};--bg:{{theme.Background}};--text:{{theme.Text}};--font:{{FontStack(theme.Font)}}}
        {{Layout}}
        """;

    public static string Hash(string css) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));

    private static string FontStack(ThemeFont font) => font switch
    {
        ThemeFont.Serif => "Georgia,'Times New Roman',serif",
        ThemeFont.Mono => "ui-monospace,Menlo,Consolas,monospace",
        ThemeFont.Rounded => "ui-rounded,'Trebuchet MS',system-ui,sans-serif",
        ThemeFont.Sans => "'Helvetica Neue',Arial,system-ui,sans-serif",
        _ => "system-ui,-apple-system,'Segoe UI',Roboto,sans-serif",
    };

    private const string Layout =
        """
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;font-family:var(--font);color:var(--text);background:var(--bg);line-height:1.6}
        img{max-width:100%;height:auto;display:block;border-radius:.5rem}
        a{color:var(--primary)}
        .wrap{max-width:72rem;margin:0 auto;padding:0 1.25rem}
        .site-header{border-bottom:1px solid color-mix(in srgb,var(--text) 12%,transparent)}
        .site-header .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.75rem;padding-top:1rem;padding-bottom:1rem}
        .brand{font-weight:700;font-size:1.25rem;text-decoration:none;color:var(--text)}
        nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0}
        nav a{text-decoration:none}
        nav a[aria-current=page]{font-weight:700}
        section{padding:3.5rem 0}
        section:nth-of-type(even){background:color-mix(in srgb,var(--primary) 6%,var(--bg))}
        h1,h2,h3{line-height:1.2;margin:0 0 .75rem}
        h1{font-size:clamp(2rem,5vw,3.25rem)}
        h2{font-size:clamp(1.5rem,3.5vw,2.25rem)}
        .hero{padding:5rem 0;background:linear-gradient(135deg,color-mix(in srgb,var(--primary) 14%,var(--bg)),var(--bg))}
        .lead{font-size:1.2rem;max-width:40rem}
        .button{display:inline-block;margin-top:1rem;padding:.75rem 1.5rem;border-radius:999px;background:var(--primary);color:var(--bg);text-decoration:none;font-weight:600}
        .button:hover{background:var(--accent)}
        .grid{display:grid;gap:1.25rem;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));margin-top:1.5rem}
        .card{padding:1.5rem;border-radius:.75rem;background:var(--bg);border:1px solid color-mix(in srgb,var(--text) 12%,transparent)}
        .split{display:grid;gap:2rem;align-items:center}
        .price{font-size:1.75rem;font-weight:700;color:var(--primary)}
        blockquote{margin:0 0 .75rem;font-style:italic}
        details{padding:1rem 0;border-bottom:1px solid color-mix(in srgb,var(--text) 12%,transparent)}
        summary{cursor:pointer;font-weight:600}
        figure{margin:0}
        figcaption{font-size:.9rem;opacity:.8;margin-top:.5rem}
        .contact-list{list-style:none;padding:0}
        .site-footer{padding:2rem 0;font-size:.9rem;border-top:1px solid color-mix(in srgb,var(--text) 12%,transparent)}
        .site-footer ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;padding:0;margin:.5rem 0 0}
        @media (min-width:48rem){.split{grid-template-columns:1fr 1fr}}
        @media (max-width:30rem){section{padding:2.5rem 0}.hero{padding:3rem 0}}
        """;
}
