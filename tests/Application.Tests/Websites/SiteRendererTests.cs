using System.Text.Json;
using System.Text.RegularExpressions;
using IaGenify.Application.Websites;
using IaGenify.Application.Websites.Rendering;
using IaGenify.Application.Websites.Rendering.Sections;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Tests.Websites;

public sealed partial class SiteRendererTests
{
    private static readonly Guid Image = Guid.Parse("0195f0a0-0000-7000-8000-00000000abcd");

    [Fact]
    public void Every_section_type_but_the_footer_has_exactly_one_renderer()
    {
        var expected = Enum.GetValues<SectionType>().Where(t => t != SectionType.Footer).Order();
        Assert.Equal(expected, SectionRenderers.Types.Order());
    }

    [Fact]
    public void Sections_of_a_page_get_distinct_html_ids_even_when_their_ids_share_a_time_prefix()
    {
        // Time-ordered ids created in the same millisecond share their first characters.
        var html = Render(AllSections(sameMillisecond: true));

        var ids = SectionIds().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Enum.GetValues<SectionType>().Length - 1, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var allIds = HtmlIds().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(allIds.Count, allIds.Distinct().Count());
    }

    [Fact]
    public void Two_contact_sections_on_a_page_draw_forms_whose_element_ids_differ()
    {
        var contact = JsonSerializer.SerializeToElement(new { heading = "Write" });
        var html = Render([new SiteSection(Guid.CreateVersion7(), SectionType.Contact, contact), new SiteSection(Guid.CreateVersion7(), SectionType.Contact, contact)]);

        Assert.Contains("id=\"cf-name\"", html);
        Assert.Contains("id=\"cf2-name\"", html);
        Assert.Contains("<label for=\"cf2-email\">", html);
        var ids = HtmlIds().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void A_section_keeps_its_html_id_when_sections_are_reordered()
    {
        var sections = AllSections(sameMillisecond: false);
        var hero = sections[0].Id;

        Assert.Contains($"id=\"s-{hero:N}\"", Render(sections));
        Assert.Contains($"id=\"s-{hero:N}\"", Render([.. sections.Skip(1), sections[0]]));
    }

    [Fact]
    public void Each_section_type_draws_its_props_html_encoded()
    {
        var html = Render(AllSections(sameMillisecond: false));

        Assert.Contains("<section class=\"hero\" id=\"s-", html);
        Assert.Contains("<h1>Fresh &lt;bread&gt;</h1><p class=\"lead\">Since 1990</p><a class=\"button\" href=\"/sites/demo/contact\">Visit</a>", html);
        Assert.Contains($"<img src=\"/sites/demo/assets/{Image}\" alt=\"\" loading=\"lazy\">", html);
        Assert.Contains("<article class=\"card\"><h3>Crust</h3><p>Crunchy</p></article>", html);
        Assert.Contains("<p>First.</p><p>Second.</p>", html);
        Assert.Contains("<figure class=\"card\"><blockquote>Lovely</blockquote><figcaption>Ann, Chef</figcaption></figure>", html);
        Assert.Contains("<p class=\"price\">5 €</p><p>Daily</p><ul><li>One loaf</li><li>Free coffee</li></ul>", html);
        Assert.Contains("<details><summary>Open?</summary><p>Yes</p></details>", html);
        Assert.Contains($"<figure><img src=\"/sites/demo/assets/{Image}\" alt=\"Oven\" loading=\"lazy\"><figcaption>Oven</figcaption></figure>", html);
        Assert.Contains("<li><a href=\"mailto:hello@example.com\">hello@example.com</a></li><li><a href=\"tel:&#x2B;3312\">&#x2B;33 12</a></li>", html);
        Assert.Contains("<form class=\"contact-form\" method=\"post\" action=\"/sites/demo/contact\">", html);
        Assert.Contains("<a class=\"button\" href=\"https://example.com\" rel=\"noopener noreferrer\">Go</a>", html);
        Assert.Contains("<footer class=\"site-footer\"><div class=\"wrap\"><p>© Demo</p><ul><li><a href=\"/sites/demo/about\">About</a></li></ul></div></footer>", html);
        Assert.DoesNotContain("<bread>", html);
    }

    private static string Render(IReadOnlyList<SiteSection> sections)
    {
        var site = new SiteModel("Demo", new ThemeDto("#b45309", "#15803d", "#fffbeb", "#1c1917", ThemeFont.Serif),
            [new SitePage("/", "Home", "A bakery", sections), new SitePage("/about", "About", null, [])]);
        var links = new SiteLinks("/sites/demo", id => $"/sites/demo/assets/{id}") { ContactAction = "/sites/demo/contact" };
        var html = SiteRenderer.Render(site, "/", links).Html;
        if (Environment.GetEnvironmentVariable("IAGENIFY_RENDER_DUMP") is { Length: > 0 } dump)
            File.WriteAllText(dump, html);
        return html;
    }

    private static List<SiteSection> AllSections(bool sameMillisecond)
    {
        var prefix = Guid.CreateVersion7().ToString("N")[..12];
        var index = 0;
        SiteSection Section(SectionType type, object props) => new(
            sameMillisecond ? Guid.ParseExact($"{prefix}7{++index:x3}8{Random.Shared.NextInt64(1L << 60):x15}", "N") : Guid.CreateVersion7(),
            type, JsonSerializer.SerializeToElement(props));
        var image = Image.ToString();
        return
        [
            Section(SectionType.Hero, new { heading = "Fresh <bread>", subheading = "Since 1990", ctaLabel = "Visit", ctaHref = "/contact", imageAssetId = image }),
            Section(SectionType.Features, new { heading = "Why us", intro = "Good", items = new[] { new { title = "Crust", text = "Crunchy" } } }),
            Section(SectionType.About, new { heading = "Story", body = "First.\n\nSecond.", imageAssetId = image }),
            Section(SectionType.Testimonials, new { heading = "Said", items = new[] { new { quote = "Lovely", author = "Ann", role = "Chef" } } }),
            Section(SectionType.Pricing, new
            {
                heading = "Prices",
                plans = new[] { new { name = "Basic", price = "5 €", description = "Daily", features = new[] { "One loaf", "Free coffee" }, ctaLabel = "Buy", ctaHref = "#buy" } },
            }),
            Section(SectionType.Faq, new { heading = "FAQ", items = new[] { new { question = "Open?", answer = "Yes" } } }),
            Section(SectionType.Gallery, new { heading = "Pictures", images = new[] { new { assetId = image, caption = "Oven" } } }),
            Section(SectionType.Contact, new { heading = "Write", body = "Any time", email = "hello@example.com", phone = "+33 12", address = "1 Main St" }),
            Section(SectionType.Cta, new { heading = "Ready?", body = "Come", buttonLabel = "Go", buttonHref = "https://example.com" }),
            Section(SectionType.Footer, new { text = "© Demo", links = new[] { new { label = "About", href = "/about" } } }),
        ];
    }

    [GeneratedRegex("<section class=\"[a-z]+\" id=\"([^\"]+)\"")]
    private static partial Regex SectionIds();

    [GeneratedRegex(" id=\"([^\"]+)\"")]
    private static partial Regex HtmlIds();
}
