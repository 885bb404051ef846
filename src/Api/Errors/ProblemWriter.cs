using Microsoft.AspNetCore.Mvc;

namespace IaGenify.Api.Errors;

/// <summary>Writes RFC 9457 problem documents with a stable <c>code</c> and the <c>traceId</c> of the request.</summary>
internal static class ProblemWriter
{
    public static ProblemDetails Create(HttpContext http, int status, string code, string? detail,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value));
        problem.Status = status;
        problem.Title = ProblemCodes.TitleOf(status);
        problem.Detail = detail;
        problem.Extensions["code"] = code;
        return problem;
    }

    public static ValueTask WriteAsync(HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var writer = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        return writer.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
