using IaGenify.Api.Tests.Support;

namespace IaGenify.Api.Tests.Hosting;

/// <summary>The OpenAPI document tells clients which routes answer 403 <c>account_suspended</c>.</summary>
public sealed class AccountSuspendedDocumentTests(ApiFixture fixture) : ApiTest(fixture)
{
    private sealed record Document(Dictionary<string, PathItem> Paths);

    private sealed record PathItem(Operation? Post);

    private sealed record Operation(string OperationId, Dictionary<string, Response> Responses);

    private sealed record Response(string? Description);

    [Fact]
    public async Task Every_way_to_a_session_names_account_suspended_on_its_403()
    {
        await using var development = new ApiFactory(Fixture.ConnectionString, environment: "Development");
        var response = await development.CreateClient().GetAsync("/openapi/v1.json");
        await response.ShouldBe(200);
        var operations = (await response.ReadAsync<Document>()).Paths.Values
            .Where(p => p.Post is not null).ToDictionary(p => p.Post!.OperationId, p => p.Post!);

        foreach (var name in new[] { "Login", "RefreshSession", "LoginWithMfa", "ResetPassword", "AcceptInvitation", "AcceptOwnershipTransfer" })
            Assert.Contains("account_suspended", operations[name].Responses["403"].Description);
        Assert.Equal(["200", "400", "401", "403", "404", "409", "413", "415", "429"],
            operations["SuspendUser"].Responses.Keys.Order());
        Assert.Equal(["200", "401", "403", "404", "409", "429"], operations["UnsuspendUser"].Responses.Keys.Order());
    }
}
