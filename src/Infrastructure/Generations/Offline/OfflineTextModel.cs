using System.Text.Json.Nodes;
using IaGenify.Application.Generations.Ports;
using IaGenify.Domain.Websites;

namespace IaGenify.Infrastructure.Generations.Offline;

/// <summary>
/// The provider used when no model endpoint is configured: deterministic, no network. It builds answers that follow
/// the requested schema from the structured intent (name, prompt keywords, section type), so the whole flow can be
/// tried on a machine without a model. Its outputs are marked <c>provider: offline</c> by the generators.
/// </summary>
internal sealed class OfflineTextModel : ITextModel
{
    public const string ProviderName = "offline";
    public const string ModelName = "offline-v1";

    public Task<TextModelReply> CompleteJsonAsync(TextModelRequest request, CancellationToken cancellationToken)
    {
        var brief = OfflineBrief.From(request.Intent.Prompt, request.Intent.Name);
        JsonObject answer = request.SchemaName switch
        {
            "website" => Website(brief),
            "page" => Page(brief),
            "section" => Section(brief, SectionCatalog.TryParse(request.Intent.SectionType, out var type) ? type : SectionType.About),
            "mailReply" => OfflineMailReply.Draft(request.Intent),
            _ => throw ModelException.Rejected($"The offline provider cannot answer a '{request.SchemaName}' request."),
        };
        return Task.FromResult(new TextModelReply(answer.ToJsonString(), ProviderName, ModelName));
    }

    private static JsonObject Website(OfflineBrief brief)
    {
        var theme = brief.Theme;
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
