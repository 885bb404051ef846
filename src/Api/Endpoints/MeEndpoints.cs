using IaGenify.Api.Http;
using IaGenify.Application.Identity.Queries.GetMe;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IaGenify.Api.Endpoints;

internal static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", GetMeAsync).WithTags("Me")
            .WithName("GetMe").WithSummary("The signed-in user's profile.")
            .ProducesProblems(401, 404, 429);
        return app;
    }

    private static async Task<Ok<MeDto>> GetMeAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetMe(), ct));
}
