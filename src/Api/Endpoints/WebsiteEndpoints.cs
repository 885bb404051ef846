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

    public sealed record UpdateWebsiteBody(string? Name, string? Slug, ThemeDto? Theme);

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

        websites.MapPost("", async Task<Accepted<CreatedWebsiteDto>> (Guid workspaceId, CreateWebsiteBody body,
            [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct) =>
        {
            var created = await mediator.Send(new CreateWebsite(workspaceId, body.Name ?? "", body.Prompt ?? "", idempotencyKey), ct);
            return TypedResults.Accepted($"/api/v1/workspaces/{workspaceId}/websites/{created.Id}", created);
        }).WithIdempotency();

        websites.MapGet("", async Task<Ok<CursorPage<WebsiteSummaryDto>>> (Guid workspaceId, int? limit, string? cursor, IMediator mediator,
                CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListWebsites(workspaceId, Paging.LimitOrDefault(limit), cursor), ct)));

        websites.MapGet("/{websiteId:guid}", async Task<Ok<WebsiteDto>> (Guid workspaceId, Guid websiteId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetWebsite(workspaceId, websiteId), ct)));

        websites.MapPatch("/{websiteId:guid}", async Task<Ok<WebsiteDto>> (Guid workspaceId, Guid websiteId, UpdateWebsiteBody body,
                IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdateWebsite(workspaceId, websiteId, body.Name, body.Slug, body.Theme), ct)));

        websites.MapDelete("/{websiteId:guid}", async Task<NoContent> (Guid workspaceId, Guid websiteId, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteWebsite(workspaceId, websiteId), ct);
            return TypedResults.NoContent();
        });

        websites.MapPost("/{websiteId:guid}/publish", async Task<Ok<PublishedWebsiteDto>> (Guid workspaceId, Guid websiteId, IMediator mediator,
                CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new PublishWebsite(workspaceId, websiteId), ct)));

        websites.MapPost("/{websiteId:guid}/pages", async Task<Results<Accepted<SubmittedGenerationDto>, Created<PageDto>>> (Guid workspaceId,
            Guid websiteId, PageBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct) =>
        {
            if (body.Prompt is not null)
            {
                var generation = await mediator.Send(new GeneratePage(workspaceId, websiteId, body.Prompt, idempotencyKey), ct);
                return TypedResults.Accepted($"/api/v1/workspaces/{workspaceId}/generations/{generation.Id}", generation);
            }
            var page = await mediator.Send(new AddPage(workspaceId, websiteId, body.Path ?? "", body.Title ?? "", body.Description), ct);
            return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/websites/{websiteId}", page);
        }).WithIdempotency();

        websites.MapPatch("/{websiteId:guid}/pages/{pageId:guid}", async Task<Ok<PageDto>> (Guid workspaceId, Guid websiteId, Guid pageId,
                PageBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdatePage(workspaceId, websiteId, pageId, body.Path, body.Title, body.Description), ct)));

        websites.MapDelete("/{websiteId:guid}/pages/{pageId:guid}", async Task<NoContent> (Guid workspaceId, Guid websiteId, Guid pageId,
            IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeletePage(workspaceId, websiteId, pageId), ct);
            return TypedResults.NoContent();
        });

        websites.MapPut("/{websiteId:guid}/pages/order", async Task<Ok<WebsiteDto>> (Guid workspaceId, Guid websiteId, PageOrderBody body,
                IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ReorderPages(workspaceId, websiteId, body.PageIds), ct)));

        websites.MapPost("/{websiteId:guid}/pages/{pageId:guid}/sections", async Task<Created<SectionDto>> (Guid workspaceId, Guid websiteId,
            Guid pageId, SectionBody body, IMediator mediator, CancellationToken ct) =>
        {
            var section = await mediator.Send(new AddSection(workspaceId, websiteId, pageId, body.Type ?? "", body.Props, body.Position), ct);
            return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/websites/{websiteId}/sections/{section.Id}", section);
        });

        websites.MapPut("/{websiteId:guid}/pages/{pageId:guid}/sections/order", async Task<Ok<PageDto>> (Guid workspaceId, Guid websiteId,
                Guid pageId, SectionOrderBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ReorderSections(workspaceId, websiteId, pageId, body.SectionIds), ct)));

        websites.MapPatch("/{websiteId:guid}/sections/{sectionId:guid}", async Task<Ok<SectionDto>> (Guid workspaceId, Guid websiteId,
                Guid sectionId, SectionPropsBody body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new UpdateSection(workspaceId, websiteId, sectionId, body.Props), ct)));

        websites.MapDelete("/{websiteId:guid}/sections/{sectionId:guid}", async Task<NoContent> (Guid workspaceId, Guid websiteId,
            Guid sectionId, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteSection(workspaceId, websiteId, sectionId), ct);
            return TypedResults.NoContent();
        });

        websites.MapPost("/{websiteId:guid}/sections/{sectionId:guid}/regenerate", async Task<Accepted<SubmittedGenerationDto>> (
            Guid workspaceId, Guid websiteId, Guid sectionId, RegenerateBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
            IMediator mediator, CancellationToken ct) =>
        {
            var generation = await mediator.Send(new RegenerateSection(workspaceId, websiteId, sectionId, body.Instruction ?? "", idempotencyKey), ct);
            return TypedResults.Accepted($"/api/v1/workspaces/{workspaceId}/generations/{generation.Id}", generation);
        }).WithIdempotency();

        websites.MapGet("/{websiteId:guid}/preview", (Guid workspaceId, Guid websiteId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            PreviewAsync(workspaceId, websiteId, "/", mediator, http, ct));
        websites.MapGet("/{websiteId:guid}/preview/{*path}", (Guid workspaceId, Guid websiteId, string? path, IMediator mediator, HttpContext http,
            CancellationToken ct) => PreviewAsync(workspaceId, websiteId, path, mediator, http, ct));
        return app;
    }

    private static async Task<IResult> PreviewAsync(Guid workspaceId, Guid websiteId, string? path, IMediator mediator, HttpContext http,
        CancellationToken ct)
    {
        var page = await mediator.Send(new RenderPreview(workspaceId, websiteId, path), ct);
        http.Response.Headers.CacheControl = "no-store";
        return SiteEndpoints.Html(http, page);
    }
}
