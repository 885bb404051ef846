using System.Text.Json;

namespace IaGenify.Application.Websites.Rendering.Sections;

/// <summary>
/// What a section renderer draws from: its props, where links point, the heading level of its title (the first
/// section of a page carries the page's only <c>h1</c>), the path of the page it is on, and how many sections of
/// the same type came before it on that page (element ids a renderer adds must stay unique within the page).
/// </summary>
internal readonly record struct SectionContext(JsonElement Props, SiteLinks Links, string Heading, string PagePath, int Occurrence);
