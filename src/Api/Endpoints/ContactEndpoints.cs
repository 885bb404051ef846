using IaGenify.Api.Sites;
using System.Text.Json;
using IaGenify.Api.Http;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Mailbox;
using IaGenify.Application.Mailbox.Commands.SubmitContactMessage;
using IaGenify.Application.Mailbox.Queries.RenderContactForm;
using IaGenify.Application.Mailbox.Queries.RenderContactThanks;
using IaGenify.Application.Websites.Rendering;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace IaGenify.Api.Endpoints;

/// <summary>
/// The contact form of published sites, for anyone: an HTML form posts here and gets a 303 to the thank-you page (or
/// its page again with the errors, 400); JSON callers get 202 <c>{ received: true }</c> or problem+json.
/// </summary>
internal static class ContactEndpoints
{
    public sealed record ContactBody(string? Name, string? Email, string? Message, string? Phone, string? Website);

    private const long MaxBodyBytes = 32 * 1024;

    public static IEndpointRouteBuilder MapContactEndpoints(this IEndpointRouteBuilder app)
    {
        var sites = app.MapGroup("/sites/{slug}/contact").WithTags("Published sites").AllowAnonymous();
        sites.MapPost("", SubmitContact)
            .WithName("SubmitContactMessage")
            .WithSummary("Sends a message through a published site's contact form (form-urlencoded or JSON)")
            .Accepts<ContactBody>("application/json", "application/x-www-form-urlencoded")
            .Produces<ContactReceivedDto>(StatusCodes.Status202Accepted)
            .Produces(StatusCodes.Status303SeeOther)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        sites.MapGet("/thanks", ContactThanks)
            .WithName("GetContactThanksPage")
            .WithSummary("The thank-you page a contact form submission lands on")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static async Task<IResult> SubmitContact(string slug, HttpContext http, IMediator mediator, ContactRateLimiter limiter,
        CancellationToken ct)
    {
        var isForm = http.Request.HasFormContentType;
        var (body, page) = isForm ? await ReadFormAsync(http, ct) : (await ReadJsonAsync(http, ct), null);
        await limiter.AcquireAsync(http, slug);
        try
        {
            await mediator.Send(new SubmitContactMessage(slug, body.Name, body.Email, body.Message, body.Phone, body.Website, page), ct);
        }
        catch (RequestValidationException invalid) when (isForm)
        {
            var values = new Dictionary<string, string>
            {
                ["name"] = body.Name ?? "", ["email"] = body.Email ?? "", ["phone"] = body.Phone ?? "", ["message"] = body.Message ?? "",
            };
            var rendered = await mediator.Send(new RenderContactForm(slug, page, new ContactFormState(values, invalid.Errors)), ct);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.Headers.CacheControl = "no-store";
            return SiteEndpoints.Html(http, rendered, SiteFraming.Published(rendered.FrameAncestors));
        }
        if (!isForm)
            return TypedResults.Accepted((string?)null, new ContactReceivedDto(true));
        http.Response.Headers.Location = $"/sites/{slug}/contact/thanks";
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static async Task<IResult> ContactThanks(string slug, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var page = await mediator.Send(new RenderContactThanks(slug), ct);
        http.Response.Headers.CacheControl = "no-store";
        return SiteEndpoints.Html(http, page, SiteFraming.Published(page.FrameAncestors));
    }

    private static async Task<(ContactBody Body, string? Page)> ReadFormAsync(HttpContext http, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        string? Field(string name) => form.TryGetValue(name, out var value) && value.Count > 0 ? value[0] : null;
        return (new ContactBody(Field("name"), Field("email"), Field("message"), Field("phone"), Field(ContactFormHtml.HoneypotField)),
            Field(ContactFormHtml.PageField));
    }

    private static async Task<ContactBody> ReadJsonAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
            throw new UnsupportedMediaTypeException("Send the form as application/x-www-form-urlencoded or the message as application/json.");
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()
            .Value.SerializerOptions;
        try
        {
            return await http.Request.ReadFromJsonAsync<ContactBody>(options, ct)
                ?? throw RequestValidationException.For("body", "A JSON object is required.");
        }
        catch (JsonException)
        {
            throw RequestValidationException.For("body", "The request body is not valid JSON with string fields.");
        }
    }
}
