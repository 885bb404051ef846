using System.Collections.Frozen;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites.Rendering.Sections;

/// <summary>
/// The renderer of each section type. A static table rather than DI registrations: rendering is pure and is called
/// from handlers of several modules (preview, published site, contact pages) that should not each resolve it.
/// </summary>
internal static class SectionRenderers
{
    private static readonly FrozenDictionary<SectionType, ISectionRenderer> ByType = new ISectionRenderer[]
    {
        new HeroSectionRenderer(),
        new FeaturesSectionRenderer(),
        new AboutSectionRenderer(),
        new TestimonialsSectionRenderer(),
        new PricingSectionRenderer(),
        new FaqSectionRenderer(),
        new GallerySectionRenderer(),
        new ContactSectionRenderer(),
        new CtaSectionRenderer(),
    }.ToFrozenDictionary(r => r.Type);

    /// <summary>Every type but the footer, which is drawn after the main content by <see cref="FooterRenderer"/>.</summary>
    public static IReadOnlyCollection<SectionType> Types => ByType.Keys;

    public static ISectionRenderer? For(SectionType type) => ByType.GetValueOrDefault(type);
}
