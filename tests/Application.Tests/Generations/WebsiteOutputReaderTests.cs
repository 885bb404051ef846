using System.Text.Json.Nodes;
using IaGenify.Application.Generations;
using IaGenify.Application.Websites.Generators;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Tests.Generations;

public sealed class WebsiteOutputReaderTests
{
    private const string Theme = """{"primary":"#112233","accent":"#AABBCC","background":"#ffffff","text":"#000000","font":"serif"}""";

    [Fact]
    public void A_valid_website_is_normalized()
    {
        var json = """{"name":"Acme","theme":""" + Theme + """
            ,"pages":[
              {"path":"/","title":"Home","description":null,"sections":[{"type":"hero","props":{"heading":"Hi","subheading":null,"ctaLabel":null,"ctaHref":null}}]},
              {"path":"About Us","title":"About","description":"Who","sections":[{"type":"footer","props":{"text":"(c)","links":[]}}]}]}
            """;

        var output = WebsiteOutputReader.ReadWebsite(json);

        Assert.Equal("#aabbcc", (string?)output["theme"]!["accent"]);
        Assert.Equal("/about-us", (string?)output["pages"]![1]!["path"]);
        Assert.Equal("""{"heading":"Hi"}""", output["pages"]![0]!["sections"]![0]!["props"]!.ToJsonString());
    }

    [Fact]
    public void Every_problem_is_reported_with_its_path_and_no_values()
    {
        var json = """
            {"name":"","theme":{"primary":"red","accent":"#000000","background":"#ffffff","text":"#000000","font":"comic"},
             "pages":[{"path":"/","title":"Home","sections":[{"type":"hero","props":{"subheading":"<script>"}},{"type":"banner","props":{}}]}]}
            """;

        var error = Assert.Throws<OutputInvalidException>(() => WebsiteOutputReader.ReadWebsite(json));

        Assert.Contains("name", error.Errors.Keys);
        Assert.Contains("theme.primary", error.Errors.Keys);
        Assert.Contains("theme.font", error.Errors.Keys);
        Assert.Contains("pages[0].sections[0].props.heading", error.Errors.Keys);
        Assert.Contains("pages[0].sections[1].type", error.Errors.Keys);
        Assert.DoesNotContain("<script>", error.Error.Message);
    }

    [Fact]
    public void Text_that_is_not_json_is_invalid_output()
    {
        Assert.Contains("$", Assert.Throws<OutputInvalidException>(() => WebsiteOutputReader.ReadPage("Sure! Here is your page")).Errors.Keys);
    }

    [Fact]
    public void A_section_must_have_the_asked_type()
    {
        var error = Assert.Throws<OutputInvalidException>(() =>
            WebsiteOutputReader.ReadSection("""{"type":"cta","props":{"heading":"x","buttonLabel":"Go","buttonHref":"/"}}""", SectionType.Faq));

        Assert.Contains("type", error.Errors.Keys);
    }

    [Fact]
    public void The_schemas_list_every_property_as_required_for_strict_output()
    {
        var schema = JsonNode.Parse(WebsiteSchemas.Section(SectionType.Hero))!;
        var props = schema["properties"]!["props"]!;

        Assert.Equal(["heading", "subheading", "ctaLabel", "ctaHref"], props["required"]!.AsArray().Select(n => (string)n!));
        Assert.False((bool)props["additionalProperties"]!);
        Assert.DoesNotContain("imageAssetId", props["properties"]!.AsObject().Select(p => p.Key));
    }
}
