using System.Text;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites.Rendering.Sections;

/// <summary>Draws the content of one section type inside the section element that <see cref="SiteRenderer"/> opens.</summary>
internal interface ISectionRenderer
{
    SectionType Type { get; }

    void Render(StringBuilder html, SectionContext context);
}
