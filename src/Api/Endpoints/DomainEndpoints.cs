using IaGenify.Api.Http;
using IaGenify.Application.Websites.Commands.AddCustomDomain;
using IaGenify.Application.Websites.Commands.DeleteCustomDomain;
using IaGenify.Application.Websites.Commands.MakeDomainPrimary;
using IaGenify.Application.Websites.Commands.VerifyCustomDomain;
using IaGenify.Application.Websites.Domains;
using IaGenify.Application.Websites.Queries.IsDomainAllowed;
using IaGenify.Application.Websites.Queries.ListCustomDomains;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

/// <summary>Customers' own host names for their websites, and the question a TLS terminator asks before a certificate.</summary>
internal static class DomainEndpoints
{
    public sealed record AddDomainBody(string Hostname);

    public static IEndpointRouteBuilder MapDomainEndpoints(this IEndpointRouteBuilder app)
    {
        var domains = app.MapGroup("/api/v1/workspaces/{workspaceId:guid}/websites/{websiteId:guid}/domains").WithTags("Custom domains")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        domains.MapPost("", AddAsync).WithName("AddCustomDomain")
            .WithSummary("Connect a host name to the website (pending until its TXT record is verified).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status423Locked)
            .ProducesProblems(413, 415);
        domains.MapGet("", ListAsync).WithName("ListCustomDomains").WithSummary("List the website's custom domains.");
        domains.MapPost("/{domainId:guid}/verify", VerifyAsync).WithName("VerifyCustomDomain")
            .WithSummary("Check the domain's TXT record now; 409 domain.not_verified when it is not there yet.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status423Locked);
        domains.MapPost("/{domainId:guid}/primary", MakePrimaryAsync).WithName("MakeCustomDomainPrimary")
            .WithSummary("Make a verified domain the address /sites/{slug} redirects to.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status423Locked);
        domains.MapDelete("/{domainId:guid}", DeleteAsync).WithName("DeleteCustomDomain")
            .WithSummary("Disconnect a custom domain; it stops serving the website at once.")
            .ProducesProblem(StatusCodes.Status423Locked);

        app.MapGet("/internal/domains/allowed", AllowedAsync).WithTags("Custom domains").AllowAnonymous().WithName("IsCustomDomainAllowed")
            .WithSummary("200 when a TLS terminator may get a certificate for the domain (Caddy on-demand TLS 'ask'), else 404.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblems(400, 429);
        return app;
    }

    private static async Task<Created<CustomDomainDto>> AddAsync(Guid workspaceId, Guid websiteId, AddDomainBody body, IMediator mediator,
        CancellationToken ct)
    {
        var domain = await mediator.Send(new AddCustomDomain(workspaceId, websiteId, body.Hostname ?? ""), ct);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/websites/{websiteId}/domains/{domain.Id}", domain);
    }

    private static async Task<Ok<CustomDomainListDto>> ListAsync(Guid workspaceId, Guid websiteId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListCustomDomains(workspaceId, websiteId), ct));

    private static async Task<Ok<CustomDomainDto>> VerifyAsync(Guid workspaceId, Guid websiteId, Guid domainId, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new VerifyCustomDomain(workspaceId, websiteId, domainId), ct));

    private static async Task<Ok<CustomDomainDto>> MakePrimaryAsync(Guid workspaceId, Guid websiteId, Guid domainId, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new MakeDomainPrimary(workspaceId, websiteId, domainId), ct));

    private static async Task<NoContent> DeleteAsync(Guid workspaceId, Guid websiteId, Guid domainId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteCustomDomain(workspaceId, websiteId, domainId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok, NotFound>> AllowedAsync(string? domain, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new IsDomainAllowed(domain ?? ""), ct) ? TypedResults.Ok() : TypedResults.NotFound();
}
