using IaGenify.Api.Sites;
using System.Text.Json;
using IaGenify.Api.Http;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Generations;
using IaGenify.Application.Websites;
using IaGenify.Application.Websites.Commands.AddPage;
using IaGenify.Application.Websites.Commands.AddSection;
using IaGenify.Application.Websites.Commands.CreateWebsite;
using IaGenify.Application.Websites.Commands.DeletePage;
using IaGenify.Application.Websites.Commands.DeleteSection;
using IaGenify.Application.Websites.Commands.DeleteWebsite;
using IaGenify.Application.Websites.Commands.GeneratePage;
using IaGenify.Application.Websites.Commands.PublishWebsite;
using IaGenify.Application.Websites.Commands.RegenerateSection;
using IaGenify.Application.Websites.Commands.ReorderPages;
using IaGenify.Application.Websites.Commands.ReorderSections;
using IaGenify.Application.Websites.Commands.UpdatePage;
using IaGenify.Application.Websites.Commands.UpdateSection;
using IaGenify.Application.Websites.Commands.UpdateWebsite;
using IaGenify.Application.Websites.Queries.GetWebsite;
using IaGenify.Application.Websites.Queries.ListWebsites;
using IaGenify.Application.Websites.Queries.RenderPreview;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IaGenify.Api.Endpoints;

internal static class WebsiteEndpoints
{
    public sealed record CreateWebsiteBody(string Name, string Prompt);

    /// <summary><c>allowedFrameAncestors</c>: absent keeps the list, <c>[]</c> lets only the site itself frame its pages.</summary>
    public sealed record UpdateWebsiteBody(string? Name, string? Slug, ThemeDto? Theme, IReadOnlyList<string?>? AllowedFrameAncestors);

    /// <summary>Either a prompt (the page is generated) or a path and title (an empty page is added).</summary>
    public sealed record PageBody(string? Prompt, string? Path, string? Title, string? Description);

    public sealed record PageOrderBody(IReadOnlyList<Guid> PageIds);

    public sealed record SectionBody(string Type, JsonElement? Props, int? Position);

    public sealed record SectionOrderBody(IReadOnlyList<Guid> SectionIds);

    public sealed record SectionPropsBody(JsonElement Props);

    public sealed record RegenerateBody(string Instruction);

    public static IEndpointRouteBuilder MapWebsiteEndpoints(this IEndpointRouteBuilder app)
    {
        var websites = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/websites").WithTags("Websites");

        websites.MapPost("", CreateWebsiteAsync).WithIdempotency()
            .WithName("CreateWebsite").WithSummary("Create a website from a prompt; it is generated in the background (costs credits).")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 422, 423, 429);
        websites.MapGet("", ListWebsitesAsync)
            .WithName("ListWebsites").WithSummary("The websites of a workspace, a page at a time.")
            .ProducesProblems(400, 401, 402, 404, 429);
        websites.MapGet("/{websiteId:guid}", GetWebsiteAsync)
            .WithName("GetWebsite").WithSummary("One website with its pages and sections.")
            .ProducesProblems(401, 402, 404, 429);
        websites.MapPatch("/{websiteId:guid}", UpdateWebsiteAsync)
            .WithName("UpdateWebsite").WithSummary("Change a website's name, slug, theme or the origins allowed to frame its published pages.")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 423, 429);
        websites.MapDelete("/{websiteId:guid}", DeleteWebsiteAsync)
            .WithName("DeleteWebsite").WithSummary("Delete a website; its public site goes offline.")
            .ProducesProblems(401, 402, 403, 404, 409, 423, 429);
        websites.MapPost("/{websiteId:guid}/publish", PublishWebsiteAsync)
            .WithName("PublishWebsite").WithSummary("Snapshot the website as a new live revision.")
            .ProducesProblems(401, 402, 403, 404, 409, 423, 429);
        websites.MapPost("/{websiteId:guid}/pages", AddPageAsync).WithIdempotency()
            .WithName("AddPage").WithSummary("Generate a page from a prompt (202, costs credits) or add an empty page (201).")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 422, 423, 429);
        websites.MapPatch("/{websiteId:guid}/pages/{pageId:guid}", UpdatePageAsync)
            .WithName("UpdatePage").WithSummary("Change a page's path, title or SEO description.")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 423, 429);
        websites.MapDelete("/{websiteId:guid}/pages/{pageId:guid}", DeletePageAsync)
            .WithName("DeletePage").WithSummary("Delete a page and its sections.")
            .ProducesProblems(401, 402, 403, 404, 409, 423, 429);
        websites.MapPut("/{websiteId:guid}/pages/order", ReorderPagesAsync)
            .WithName("ReorderPages").WithSummary("Set the order of a website's pages.")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 423, 429);
        websites.MapPost("/{websiteId:guid}/pages/{pageId:guid}/sections", AddSectionAsync)
            .WithName("AddSection").WithSummary("Add a typed section to a page, optionally at a position.")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 423, 429);
        websites.MapPut("/{websiteId:guid}/pages/{pageId:guid}/sections/order", ReorderSectionsAsync)
            .WithName("ReorderSections").WithSummary("Set the order of a page's sections.")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 423, 429);
        websites.MapPatch("/{websiteId:guid}/sections/{sectionId:guid}", UpdateSectionAsync)
            .WithName("UpdateSection").WithSummary("Replace a section's props (validated for its type).")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 423, 429);
        websites.MapDelete("/{websiteId:guid}/sections/{sectionId:guid}", DeleteSectionAsync)
            .WithName("DeleteSection").WithSummary("Delete a section.")
            .ProducesProblems(401, 402, 403, 404, 409, 423, 429);
        websites.MapPost("/{websiteId:guid}/sections/{sectionId:guid}/regenerate", RegenerateSectionAsync).WithIdempotency()
            .WithName("RegenerateSection").WithSummary("Regenerate a section with an instruction (costs credits).")
            .ProducesProblems(400, 401, 402, 403, 404, 409, 413, 415, 422, 423, 429);

        websites.MapGet("/{websiteId:guid}/preview", RenderPreviewAsync)
            .WithName("RenderPreview").WithSummary("The draft home page rendered as HTML, for members.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblems(401, 402, 404, 429);
        websites.MapGet("/{websiteId:guid}/preview/{*path}", RenderPreviewPageAsync)
            .WithName("RenderPreviewPage").WithSummary("A draft page rendered as HTML, for members.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblems(401, 402, 404, 429);
        return app;
    }

    private static async Task<Accepted<CreatedWebsiteDto>> CreateWebsiteAsync(Guid workspaceId, CreateWebsiteBody body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(new CreateWebsite(workspaceId, body.Name ?? "", body.Prompt ?? "", idempotencyKey), ct);
        return TypedResults.Accepted($"/api/v1/workspaces/{workspaceId}/websites/{created.Id}", created);
    }

    private static async Task<Ok<CursorPage<WebsiteSummaryDto>>> ListWebsitesAsync(Guid workspaceId, int? limit, string? cursor,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListWebsites(workspaceId, Paging.LimitOrDefault(limit), cursor), ct));

    private static async Task<Ok<WebsiteDto>> GetWebsiteAsync(Guid workspaceId, Guid websiteId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetWebsite(workspaceId, websiteId), ct));

    private static async Task<Ok<WebsiteDto>> UpdateWebsiteAsync(Guid workspaceId, Guid websiteId, UpdateWebsiteBody body,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateWebsite(workspaceId, websiteId, body.Name, body.Slug, body.Theme,
            body.AllowedFrameAncestors), ct));

    private static async Task<NoContent> DeleteWebsiteAsync(Guid workspaceId, Guid websiteId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteWebsite(workspaceId, websiteId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PublishedWebsiteDto>> PublishWebsiteAsync(Guid workspaceId, Guid websiteId, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new PublishWebsite(workspaceId, websiteId), ct));

    private static async Task<Results<Accepted<SubmittedGenerationDto>, Created<PageDto>>> AddPageAsync(Guid workspaceId, Guid websiteId,
        PageBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct)
    {
        if (body.Prompt is not null)
        {
            var generation = await mediator.Send(new GeneratePage(workspaceId, websiteId, body.Prompt, idempotencyKey), ct);
            return TypedResults.Accepted($"/api/v1/workspaces/{workspaceId}/generations/{generation.Id}", generation);
        }
        var page = await mediator.Send(new AddPage(workspaceId, websiteId, body.Path ?? "", body.Title ?? "", body.Description), ct);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/websites/{websiteId}", page);
    }

    private static async Task<Ok<PageDto>> UpdatePageAsync(Guid workspaceId, Guid websiteId, Guid pageId, PageBody body, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdatePage(workspaceId, websiteId, pageId, body.Path, body.Title, body.Description), ct));

    private static async Task<NoContent> DeletePageAsync(Guid workspaceId, Guid websiteId, Guid pageId, IMediator mediator,
        CancellationToken ct)
    {
        await mediator.Send(new DeletePage(workspaceId, websiteId, pageId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WebsiteDto>> ReorderPagesAsync(Guid workspaceId, Guid websiteId, PageOrderBody body, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReorderPages(workspaceId, websiteId, body.PageIds), ct));

    private static async Task<Created<SectionDto>> AddSectionAsync(Guid workspaceId, Guid websiteId, Guid pageId, SectionBody body,
        IMediator mediator, CancellationToken ct)
    {
        var section = await mediator.Send(new AddSection(workspaceId, websiteId, pageId, body.Type ?? "", body.Props, body.Position), ct);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/websites/{websiteId}/sections/{section.Id}", section);
    }

    private static async Task<Ok<PageDto>> ReorderSectionsAsync(Guid workspaceId, Guid websiteId, Guid pageId, SectionOrderBody body,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ReorderSections(workspaceId, websiteId, pageId, body.SectionIds), ct));

    private static async Task<Ok<SectionDto>> UpdateSectionAsync(Guid workspaceId, Guid websiteId, Guid sectionId, SectionPropsBody body,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateSection(workspaceId, websiteId, sectionId, body.Props), ct));

    private static async Task<NoContent> DeleteSectionAsync(Guid workspaceId, Guid websiteId, Guid sectionId, IMediator mediator,
        CancellationToken ct)
    {
        await mediator.Send(new DeleteSection(workspaceId, websiteId, sectionId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted<SubmittedGenerationDto>> RegenerateSectionAsync(Guid workspaceId, Guid websiteId, Guid sectionId,
        RegenerateBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct)
    {
        var generation = await mediator.Send(new RegenerateSection(workspaceId, websiteId, sectionId, body.Instruction ?? "", idempotencyKey), ct);
        return TypedResults.Accepted($"/api/v1/workspaces/{workspaceId}/generations/{generation.Id}", generation);
    }

    private static Task<IResult> RenderPreviewAsync(Guid workspaceId, Guid websiteId, IMediator mediator, HttpContext http,
        CancellationToken ct) =>
        PreviewAsync(workspaceId, websiteId, "/", mediator, http, ct);

    private static Task<IResult> RenderPreviewPageAsync(Guid workspaceId, Guid websiteId, string? path, IMediator mediator, HttpContext http,
        CancellationToken ct) =>
        PreviewAsync(workspaceId, websiteId, path, mediator, http, ct);

    private static async Task<IResult> PreviewAsync(Guid workspaceId, Guid websiteId, string? path, IMediator mediator, HttpContext http,
        CancellationToken ct)
    {
        var page = await mediator.Send(new RenderPreview(workspaceId, websiteId, path), ct);
        http.Response.Headers.CacheControl = "no-store";
        return SiteEndpoints.Html(http, page, SiteFraming.Preview(http));
    }
}
