using System.Text.Json.Nodes;
using IaGenify.Application.Generations.Ports;
using IaGenify.Domain.Websites;
using IaGenify.Infrastructure.Generations.Offline;

namespace IaGenify.Infrastructure.Websites.Offline;

/// <summary>
/// The offline provider's websites, pages and sections: built from the prompt's brief (name, topic, keywords) so they
/// follow the schemas of the website kinds; the topic decides the palette, the features and which sections fit.
/// </summary>
internal sealed class OfflineWebsiteAnswer : IOfflineAnswer
{
    public IReadOnlyCollection<string> SchemaNames { get; } = ["website", "page", "section"];

    public JsonObject Answer(string schemaName, GenerationIntent intent)
    {
        var brief = OfflineBrief.From(intent.Prompt, intent.Name);
        return schemaName switch
        {
            "website" => Website(brief),
            "page" => Page(brief),
            _ => Section(brief, SectionCatalog.TryParse(intent.SectionType, out var type) ? type : SectionType.About),
        };
    }

    private static Theme ThemeOf(OfflineBrief brief) => brief.Topic switch
    {
        "food" => new Theme("#b45309", "#15803d", "#fffbeb", "#1c1917", ThemeFont.Serif),
        "software" => new Theme("#4f46e5", "#06b6d4", "#ffffff", "#0f172a", ThemeFont.Sans),
        "creative" => new Theme("#db2777", "#7c3aed", "#fdf2f8", "#1f2937", ThemeFont.Rounded),
        "health" => new Theme("#0d9488", "#2563eb", "#f0fdfa", "#134e4a", ThemeFont.Sans),
        "retail" => new Theme("#be123c", "#ca8a04", "#fff7ed", "#292524", ThemeFont.Serif),
        _ => Theme.Default,
    };

    private static JsonObject Website(OfflineBrief brief)
    {
        var theme = ThemeOf(brief);
        var home = new List<JsonObject> { Section(brief, SectionType.Hero), Section(brief, SectionType.Features), Section(brief, SectionType.About) };
        if (brief.Topic == "software" || brief.Mentions("price", "pricing", "plans", "subscription"))
            home.Add(Section(brief, SectionType.Pricing));
        home.Add(Section(brief, SectionType.Testimonials));
        if (brief.Mentions("faq", "question"))
            home.Add(Section(brief, SectionType.Faq));
        home.Add(Section(brief, SectionType.Cta));
        home.Add(Section(brief, SectionType.Footer));
        return new JsonObject
        {
            ["name"] = brief.Name,
            ["theme"] = new JsonObject
            {
                ["primary"] = theme.Primary,
                ["accent"] = theme.Accent,
                ["background"] = theme.Background,
                ["text"] = theme.Text,
                ["font"] = theme.Font.ToString().ToLowerInvariant(),
            },
            ["pages"] = new JsonArray(
                PageOf("/", brief.Name, brief.Summary, home),
                PageOf("/about", $"About {brief.Name}", $"Who we are at {brief.Name}.",
                    [Section(brief, SectionType.About), Section(brief, SectionType.Testimonials), Section(brief, SectionType.Footer)]),
                PageOf("/contact", $"Contact {brief.Name}", $"How to reach {brief.Name}.",
                    [Section(brief, SectionType.Contact), Section(brief, SectionType.Footer)])),
        };
    }

    private static JsonObject Page(OfflineBrief brief)
    {
        var (path, main) = brief switch
        {
            _ when brief.Mentions("pricing", "price", "plans") => ("/pricing", SectionType.Pricing),
            _ when brief.Mentions("faq", "question") => ("/faq", SectionType.Faq),
            _ when brief.Mentions("contact", "reach", "location") => ("/contact", SectionType.Contact),
            _ when brief.Mentions("review", "testimonial", "customers say") => ("/testimonials", SectionType.Testimonials),
            _ when brief.Mentions("about", "team", "story") => ("/about", SectionType.About),
            _ => ("/" + Fallback(SitePaths.SegmentFrom(string.Join(' ', brief.Summary.Split(' ').Take(3)))), SectionType.Features),
        };
        var title = OfflineBrief.Clip(brief.Summary, 120);
        return PageOf(path, title, brief.Summary, [Section(brief, main), Section(brief, SectionType.Cta), Section(brief, SectionType.Footer)]);
    }

    private static string Fallback(string segment) => segment.Length > 0 ? segment : "more";

    private static JsonObject PageOf(string path, string title, string description, IEnumerable<JsonObject> sections) => new()
    {
        ["path"] = path,
        ["title"] = OfflineBrief.Clip(title, 120),
        ["description"] = OfflineBrief.Clip(description, 300),
        ["sections"] = new JsonArray([.. sections]),
    };

    private static JsonObject Section(OfflineBrief brief, SectionType type) => new()
    {
        ["type"] = SectionCatalog.NameOf(type),
        ["props"] = Props(brief, type),
    };

    private static JsonObject Props(OfflineBrief brief, SectionType type) => type switch
    {
        SectionType.Hero => new JsonObject
        {
            ["heading"] = OfflineBrief.Clip($"Welcome to {brief.Name}", 120),
            ["subheading"] = OfflineBrief.Clip(brief.Summary, 300),
            ["ctaLabel"] = "Get in touch",
            ["ctaHref"] = "/contact",
        },
        SectionType.Features => new JsonObject
        {
            ["heading"] = "What we offer",
            ["items"] = new JsonArray([.. brief.Features.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["text"] = f.Text })]),
        },
        SectionType.About => new JsonObject
        {
            ["heading"] = OfflineBrief.Clip($"About {brief.Name}", 120),
            ["body"] = OfflineBrief.Clip($"{brief.Name}: {brief.Summary}. We care about doing things well and about the people we work with.", 3000),
        },
        SectionType.Testimonials => new JsonObject
        {
            ["heading"] = "What our customers say",
            ["items"] = new JsonArray(
                new JsonObject { ["quote"] = OfflineBrief.Clip($"{brief.Name} exceeded our expectations.", 600), ["author"] = "Alex M.", ["role"] = "Customer" },
                new JsonObject { ["quote"] = "Friendly, reliable and great value. Highly recommended.", ["author"] = "Sam R.", ["role"] = "Customer" }),
        },
        SectionType.Pricing => new JsonObject
        {
            ["heading"] = "Simple pricing",
            ["plans"] = new JsonArray(
                new JsonObject { ["name"] = "Starter", ["price"] = "Free", ["features"] = new JsonArray("The essentials", "Email support"), ["ctaLabel"] = "Start", ["ctaHref"] = "/contact" },
                new JsonObject { ["name"] = "Pro", ["price"] = "29 / month", ["features"] = new JsonArray("Everything in Starter", "Priority support"), ["ctaLabel"] = "Choose Pro", ["ctaHref"] = "/contact" }),
        },
        SectionType.Faq => new JsonObject
        {
            ["heading"] = "Frequently asked questions",
            ["items"] = new JsonArray(
                new JsonObject { ["question"] = "How do I get started?", ["answer"] = "Contact us and we will answer within one working day." },
                new JsonObject { ["question"] = "Where are you based?", ["answer"] = "See our contact page for the address and opening hours." }),
        },
        SectionType.Gallery => new JsonObject { ["heading"] = "Gallery", ["images"] = new JsonArray() },
        SectionType.Contact => new JsonObject
        {
            ["heading"] = "Get in touch",
            ["body"] = OfflineBrief.Clip($"We would love to hear from you. {brief.Name} answers every message.", 1000),
            ["email"] = "hello@example.com",
        },
        SectionType.Cta => new JsonObject
        {
            ["heading"] = "Ready to start?",
            ["body"] = OfflineBrief.Clip($"Tell {brief.Name} what you need.", 500),
            ["buttonLabel"] = "Contact us",
            ["buttonHref"] = "/contact",
        },
        SectionType.Footer => new JsonObject
        {
            ["text"] = OfflineBrief.Clip($"© {brief.Name}", 300),
            ["links"] = new JsonArray(new JsonObject { ["label"] = "Home", ["href"] = "/" }, new JsonObject { ["label"] = "Contact", ["href"] = "/contact" }),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown section type."),
    };
}
