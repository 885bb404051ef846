using System.Text.Json;
using IaGenify.Domain.Websites;

namespace IaGenify.Domain.Tests.Websites;

public sealed class SectionPropsTests
{
    private static (SectionProps? Props, IReadOnlyDictionary<string, string[]> Errors) Validate(SectionType type, string json)
    {
        SectionProps.TryCreate(type, JsonDocument.Parse(json).RootElement, out var props, out var errors);
        return (props, errors);
    }

    [Fact]
    public void Valid_props_are_kept_in_canonical_form()
    {
        var (props, errors) = Validate(SectionType.Hero, """{"heading":"  Hello  ","subheading":null,"ctaLabel":"","ctaHref":"/contact"}""");

        Assert.Empty(errors);
        Assert.Equal("""{"heading":"Hello","ctaHref":"/contact"}""", props!.Json);
    }

    [Fact]
    public void Missing_required_unknown_and_oversized_fields_are_reported_by_path()
    {
        var (props, errors) = Validate(SectionType.Features,
            $$"""{"intro":"{{new string('x', 501)}}","items":[{"title":"A"}],"colour":"red"}""");

        Assert.Null(props);
        Assert.Contains("heading", errors.Keys);
        Assert.Contains("intro", errors.Keys);
        Assert.Contains("items[0].text", errors.Keys);
        Assert.Contains("colour", errors.Keys);
    }

    [Theory]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("//evil.example", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("/about", true)]
    [InlineData("#contact", true)]
    [InlineData("https://example.com/x?y=1", true)]
    [InlineData("mailto:hello@example.com", true)]
    [InlineData("tel:+33123456789", true)]
    public void Links_are_limited_to_safe_schemes(string link, bool valid) => Assert.Equal(valid, SectionProps.IsValidLink(link));

    [Fact]
    public void Asset_ids_are_collected_from_nested_lists()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var (props, errors) = Validate(SectionType.Gallery, $$"""{"heading":"G","images":[{"assetId":"{{a}}"},{"assetId":"{{b}}","caption":"c"}]}""");

        Assert.Empty(errors);
        Assert.Equal([a, b], props!.AssetIds);
    }

    [Fact]
    public void Lists_respect_their_bounds()
    {
        var (_, errors) = Validate(SectionType.Faq, """{"heading":"Q","items":[]}""");

        Assert.Contains("items", errors.Keys);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/about", true)]
    [InlineData("/services/web-design", true)]
    [InlineData("/About", false)]
    [InlineData("about", false)]
    [InlineData("/assets", false)]
    [InlineData("/assets/x", false)]
    [InlineData("/a//b", false)]
    public void Page_paths_are_lower_case_segments(string path, bool valid) => Assert.Equal(valid, SitePaths.IsPagePath(path));

    [Fact]
    public void Slugs_are_made_from_names()
    {
        Assert.Equal("pain-dore", SitePaths.SlugFrom("Pain Doré"));
        Assert.Equal("site", SitePaths.SlugFrom("!!"));
        Assert.True(SitePaths.IsSlug(SitePaths.SlugFrom("A & B Ltd.")));
    }
}
