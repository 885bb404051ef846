using System.Net.Http.Json;
using System.Text;
using IaGenify.Api.Tests.Support;
using IaGenify.Api.Tests.Webhooks;

namespace IaGenify.Api.Tests.Hosting;

/// <summary>Inputs that are valid JSON and valid HTTP but that PostgreSQL or mail headers cannot take as they are.</summary>
public sealed class InputEdgeTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_nul_character_in_a_body_is_400_naming_the_field()
    {
        var response = await Anonymous().PostAsync("/api/v1/auth/login", Json("""{"email":"a\u0000@example.com","password":"x"}"""));

        Assert.Contains("email", (await response.ShouldBeProblem(400, "validation_failed")).ErrorFields());
    }

    [Fact]
    public async Task A_nul_character_anywhere_in_a_prompt_is_refused_before_anything_is_written()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        var response = await owner.Client.PostAsync($"/api/v1/workspaces/{workspaceId}/websites",
            Json("""{"name":"Bakery","prompt":"A bakery\u0000 in Lyon"}"""));

        await response.ShouldBeProblem(400, "validation_failed");
        var list = await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/websites")).Json();
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        Assert.Equal(50, (await CreditsAsync(owner.Client, workspaceId)).Available);
    }

    [Fact]
    public async Task A_nul_character_inside_free_form_json_is_400_and_the_section_keeps_its_props()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var created = await owner.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/websites",
            new { name = "Bakery", prompt = "A bakery in Lyon" });
        await created.ShouldBe(202);
        var websiteId = (await created.Json()).GetProperty("id").GetGuid();
        await DrainGenerationsAsync();
        var website = $"/api/v1/workspaces/{workspaceId}/websites/{websiteId}";
        var hero = (await (await owner.Client.GetAsync(website)).Json()).GetProperty("pages")[0].GetProperty("sections")[0];

        var response = await owner.Client.PatchAsync($"{website}/sections/{hero.GetProperty("id").GetGuid()}",
            Json("""{"props":{"heading":"Fresh\u0000bread"}}"""));

        await response.ShouldBeProblem(400, "validation_failed");
        var after = (await (await owner.Client.GetAsync(website)).Json()).GetProperty("pages")[0].GetProperty("sections")[0];
        Assert.Equal(hero.GetProperty("props").GetRawText(), after.GetProperty("props").GetRawText());
    }

    [Fact]
    public async Task A_nul_character_in_the_query_string_is_400()
    {
        var staff = await RegisterAsync(ApiFactory.AdminEmail);

        var response = await staff.Client.GetAsync("/api/v1/admin/workspaces?search=ac%00me");

        await response.ShouldBeProblem(400);
    }

    [Theory]
    [InlineData("Acme\r\nBcc: everyone@example.com")]
    [InlineData("Tab\tseparated")]
    public async Task Workspace_names_refuse_control_characters(string name)
    {
        var owner = await RegisterAsync();

        var response = await owner.Client.PostAsJsonAsync("/api/v1/workspaces", new { name });

        Assert.Contains("name", (await response.ShouldBeProblem(400, "validation_failed")).ErrorFields());
    }

    [Fact]
    public async Task A_time_with_an_offset_is_stored_as_the_same_instant()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        var response = await owner.Client.PostAsync($"/api/v1/workspaces/{workspaceId}/api-keys",
            Json("""{"name":"ci","role":"member","expiresAt":"2030-01-01T02:00:00+02:00"}"""));

        await response.ShouldBe(201);
        var key = await response.Json();
        var listed = (await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/api-keys")).Json())
            .GetProperty("items")[0];
        Assert.Equal(key.GetProperty("id").GetGuid(), listed.GetProperty("id").GetGuid());
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), listed.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Staff_grants_accept_an_expiry_with_an_offset()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/workspaces/{workspaceId}/credits/grants")
        {
            Content = Json("""{"amount":100,"source":"promotion","expiresAt":"2030-01-01T00:00:00-05:00","reason":"launch"}"""),
        };
        request.Headers.Add("Idempotency-Key", "promo-offset");

        await (await staff.Client.SendAsync(request)).ShouldBe(201);

        var grants = (await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/credits")).Json()).GetProperty("grants");
        var promotion = grants.EnumerateArray().Single(g => g.GetProperty("source").GetString() == "promotion");
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 5, 0, 0, TimeSpan.Zero), promotion.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_query_time_with_an_offset_filters_like_its_utc_instant()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpointId = await receiver.RegisterAsync(owner, workspaceId, "member.joined");
        var since = Uri.EscapeDataString("2020-01-01T00:00:00-05:00");

        var response = await owner.Client.PostAsync(
            $"/api/v1/workspaces/{workspaceId}/webhook-endpoints/{endpointId}/deliveries/redeliver-failed?since={since}", null);

        await response.ShouldBe(202);
        Assert.Equal(0, (await response.Json()).GetProperty("requeued").GetInt32());
    }
}
