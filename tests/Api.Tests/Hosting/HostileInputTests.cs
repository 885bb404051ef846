using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using IaGenify.Api.Tests.Assets;
using IaGenify.Api.Tests.Support;

namespace IaGenify.Api.Tests.Hosting;

/// <summary>Requests a client can send that once reached a 500 or leaked exception text.</summary>
public sealed class HostileInputTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static ByteArrayContent Multipart(string body, string boundary)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return content;
    }

    private const string PngPart = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.png\"\r\nContent-Type: image/png\r\n\r\n";

    public static TheoryData<string, string> BrokenMultipart => new()
    {
        { PngPart + "abc\r\n--b1--\r\n", "other-boundary" },
        { PngPart + "abc", "b1" },
        { "--b1\r\nContent-Disposition: form-data; name=\"file\"; filen", "b1" },
    };

    [Theory]
    [MemberData(nameof(BrokenMultipart))]
    public async Task A_broken_or_truncated_multipart_upload_is_400(string body, string boundary)
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        var response = await owner.Client.PostAsync($"/api/v1/workspaces/{workspaceId}/assets", Multipart(body, boundary));

        var problem = await response.ShouldBeProblem(400);
        ExceptionText.AssertAbsent(problem.RawText);
    }

    [Fact]
    public async Task A_nul_in_an_asset_file_name_is_refused_by_validation()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var file = new ByteArrayContent(AssetTests.Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        file.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"file\"; filename*=UTF-8''a%00b.png");
        var form = new MultipartFormDataContent { file };

        var response = await owner.Client.PostAsync($"/api/v1/workspaces/{workspaceId}/assets", form);

        Assert.Contains("fileName", (await response.ShouldBeProblem(400, "validation_failed")).ErrorFields());
        var list = await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/assets")).Json();
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"props":{"heading":"Fresh \ud800 bread"}}""")]
    [InlineData("""{"props":{"heading":"Fresh \udc00"}}""")]
    [InlineData("""{"props":{"\ud800":"x"}}""")]
    [InlineData("""{"props":{"heading":"Fresh\u0000bread"}}""")]
    public async Task Broken_unicode_or_nul_in_section_props_is_400_on_props(string body)
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var created = await owner.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/websites",
            new { name = "Bakery", prompt = "A bakery in Lyon" });
        await created.ShouldBe(202);
        var website = $"/api/v1/workspaces/{workspaceId}/websites/{(await created.Json()).GetProperty("id").GetGuid()}";
        await DrainGenerationsAsync();
        var page = (await (await owner.Client.GetAsync(website)).Json()).GetProperty("pages")[0];
        var hero = page.GetProperty("sections")[0];

        var patched = await owner.Client.PatchAsync($"{website}/sections/{hero.GetProperty("id").GetGuid()}", Json(body));
        var added = await owner.Client.PostAsync($"{website}/pages/{page.GetProperty("id").GetGuid()}/sections",
            Json(body.Replace("{\"props\"", "{\"type\":\"hero\",\"props\"")));

        Assert.Equal(["props"], (await patched.ShouldBeProblem(400, "validation_failed")).ErrorFields());
        Assert.Equal(["props"], (await added.ShouldBeProblem(400, "validation_failed")).ErrorFields());
        var after = (await (await owner.Client.GetAsync(website)).Json()).GetProperty("pages")[0].GetProperty("sections")[0];
        Assert.Equal(hero.GetProperty("props").GetRawText(), after.GetProperty("props").GetRawText());
    }

    [Fact]
    public async Task Null_model_overrides_are_400_on_the_field_without_exception_text()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        var response = await owner.Client.PutAsync($"/api/v1/workspaces/{workspaceId}/settings/models", Json("""{"overrides":null}"""));

        var problem = await response.ShouldBeProblem(400, "validation_failed");
        Assert.Equal(["overrides"], problem.ErrorFields());
        ExceptionText.AssertAbsent(problem.RawText);
    }
}
