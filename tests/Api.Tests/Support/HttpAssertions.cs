using System.Net.Http.Json;
using System.Text.Json;

namespace IaGenify.Api.Tests.Support;

public static class HttpAssertions
{
    /// <summary>Asserts the status code, showing the body when it differs (the problem document says why).</summary>
    public static async Task ShouldBe(this HttpResponseMessage response, int status)
    {
        if ((int)response.StatusCode != status)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {status} but got {(int)response.StatusCode} for {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {body}");
        }
    }

    public static async Task<JsonElement> Json(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Asserts an RFC 9457 problem document with the status, stable code and a trace id.</summary>
    public static async Task<ApiProblem> ShouldBeProblem(this HttpResponseMessage response, int status, string? code = null)
    {
        await response.ShouldBe(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var raw = await response.Content.ReadAsStringAsync();
        var problem = ApiJson.Read<ApiProblem>(raw) with { RawText = raw };
        Assert.Equal(status, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.TraceId));
        if (code is not null)
            Assert.Equal(code, problem.Code);
        return problem;
    }
}
