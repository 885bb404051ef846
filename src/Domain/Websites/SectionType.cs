namespace IaGenify.Domain.Websites;

/// <summary>The fixed list of section types a page is built from.</summary>
public enum SectionType
{
    Hero,
    Features,
    About,
    Testimonials,
    Pricing,
    Faq,
    Gallery,
    Contact,
    Cta,
    Footer,
}
