using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Mailbox;
using IaGenify.Application.Mailbox.Commands.ReceiveInboundEmail;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IaGenify.Api.Endpoints;

/// <summary>The mail provider's inbound webhook: raw RFC 5322 emails, signed with <c>Mailbox:InboundSecret</c>.</summary>
internal static class MailboxInboundEndpoints
{
    public const string SignatureHeader = "X-Mailbox-Signature";

    public static IEndpointRouteBuilder MapMailboxInboundEndpoints(this IEndpointRouteBuilder app)
    {
        var limit = app.ServiceProvider.GetRequiredService<IOptions<MailboxOptions>>().Value.MaxInboundBytes;
        app.MapPost("/api/v1/mailbox/inbound", ReceiveInbound)
            .WithTags("Mailbox")
            .AllowAnonymous()
            .WithName("ReceiveInboundEmail")
            .WithSummary("Receives a visitor's emailed answer (message/rfc822) signed with an HMAC-SHA256 of the body")
            .Accepts<string>("message/rfc822")
            .Produces<InboundMailResultDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithMetadata(new RequestSizeLimitAttribute(limit));
        return app;
    }

    private static async Task<Accepted<InboundMailResultDto>> ReceiveInbound(HttpRequest request,
        [FromHeader(Name = SignatureHeader)] string? signature, IMediator mediator, CancellationToken ct)
    {
        if (request.ContentType?.Split(';')[0].Trim().Equals("message/rfc822", StringComparison.OrdinalIgnoreCase) != true)
            throw new UnsupportedMediaTypeException("Send the raw email as message/rfc822.");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var result = await mediator.Send(new ReceiveInboundEmail(buffer.ToArray(), signature), ct);
        return TypedResults.Accepted((string?)null, result);
    }
}
