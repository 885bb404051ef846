using System.Text.Json;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites;

/// <summary>Props a new section starts with when the editor adds one without content: valid, and obviously a placeholder.</summary>
public static class SectionDefaults
{
    public static JsonElement For(SectionType type) => JsonDocument.Parse(type switch
    {
        SectionType.Hero => """{"heading":"Your headline"}""",
        SectionType.Features => """{"heading":"Features","items":[{"title":"A feature","text":"Describe it here."}]}""",
        SectionType.About => """{"heading":"About us","body":"Tell your story here."}""",
        SectionType.Testimonials => """{"heading":"Testimonials","items":[{"quote":"A happy customer's words.","author":"A customer"}]}""",
        SectionType.Pricing => """{"heading":"Pricing","plans":[{"name":"Basic","price":"10"}]}""",
        SectionType.Faq => """{"heading":"Questions","items":[{"question":"A question?","answer":"Its answer."}]}""",
        SectionType.Gallery => """{"heading":"Gallery","images":[]}""",
        SectionType.Contact => """{"heading":"Contact us"}""",
        SectionType.Cta => """{"heading":"Ready?","buttonLabel":"Contact us","buttonHref":"#"}""",
        SectionType.Footer => """{"text":"Your company"}""",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown section type."),
    }).RootElement.Clone();
}
