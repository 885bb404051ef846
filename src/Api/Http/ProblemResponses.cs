namespace IaGenify.Api.Http;

/// <summary>
/// <c>.ProducesProblems(400, 401, 404, 429)</c>: documents each error status an endpoint can answer with as an
/// <c>application/problem+json</c> response, so that a generated client knows every failure it has to handle.
/// </summary>
internal static class ProblemResponses
{
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
            builder.ProducesProblem(status);
        return builder;
    }
}
