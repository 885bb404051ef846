using System.Text.Json.Nodes;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Generations;
using IaGenify.Application.Generations.Generators;
using IaGenify.Application.Generations.Ports;
using IaGenify.Domain.Generations;
using IaGenify.Domain.Websites;

namespace IaGenify.Application.Websites.Generators;

/// <summary>Asks the text model for one kind's JSON and validates it; the output is marked with who produced it.</summary>
internal abstract class WebsiteTextGenerator(ITextModel model) : IGenerator
{
    public abstract GenerationKind Kind { get; }
    public abstract string Operation { get; }

    protected abstract (string SchemaName, string Schema, string Prompt) Describe(GenerationJob job);

    protected abstract JsonObject Read(string json, GenerationJob job);

    /// <summary>The name becomes the website's or page's name, so it fits the website's rule.</summary>
    public virtual void CheckInput(GenerationInput input)
    {
        if (input.Name is { Length: > Website.MaxNameLength })
            throw RequestValidationException.For("input.name", $"input.name must have at most {Website.MaxNameLength} characters.");
    }

    public async Task<JsonObject> GenerateAsync(GenerationJob job, CancellationToken cancellationToken)
    {
        var (schemaName, schema, prompt) = Describe(job);
        var intent = new GenerationIntent(job.Kind, job.Input.Prompt, job.Input.Name, job.Input.SectionType);
        var reply = await model.CompleteJsonAsync(
            new TextModelRequest(schemaName, schema, WebsitePrompts.System, prompt, job.Settings, intent), cancellationToken);
        var output = Read(reply.Json, job);
        output["provider"] = reply.Provider;
        output["model"] = reply.Model;
        return output;
    }
}

internal sealed class WebsiteGenerator(ITextModel model) : WebsiteTextGenerator(model)
{
    public override GenerationKind Kind => GenerationKind.Website;
    public override string Operation => "website.generate";

    protected override (string, string, string) Describe(GenerationJob job) => ("website", WebsiteSchemas.Website(), WebsitePrompts.Website(job));

    protected override JsonObject Read(string json, GenerationJob job) => WebsiteOutputReader.ReadWebsite(json);
}

internal sealed class PageGenerator(ITextModel model) : WebsiteTextGenerator(model)
{
    public override GenerationKind Kind => GenerationKind.Page;
    public override string Operation => "page.generate";

    protected override (string, string, string) Describe(GenerationJob job) => ("page", WebsiteSchemas.Page(), WebsitePrompts.Page(job));

    protected override JsonObject Read(string json, GenerationJob job) => WebsiteOutputReader.ReadPage(json);
}

internal sealed class SectionGenerator(ITextModel model) : WebsiteTextGenerator(model)
{
    public override GenerationKind Kind => GenerationKind.Section;
    public override string Operation => "section.generate";

    public override void CheckInput(GenerationInput input)
    {
        base.CheckInput(input);
        if (!SectionCatalog.TryParse(input.SectionType, out _))
            throw RequestValidationException.For("input.sectionType",
                $"input.sectionType must be one of {string.Join(", ", SectionCatalog.Types.Select(SectionCatalog.NameOf))}.");
    }

    protected override (string, string, string) Describe(GenerationJob job)
    {
        var type = TypeOf(job);
        return ("section", WebsiteSchemas.Section(type), WebsitePrompts.Section(job, type));
    }

    protected override JsonObject Read(string json, GenerationJob job) => WebsiteOutputReader.ReadSection(json, TypeOf(job));

    private static SectionType TypeOf(GenerationJob job) =>
        SectionCatalog.TryParse(job.Input.SectionType, out var type)
            ? type
            : throw new InvalidOperationException("A section generation was queued without a section type.");
}
