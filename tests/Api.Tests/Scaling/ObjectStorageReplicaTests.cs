using System.Net.Http.Headers;
using System.Net.Http.Json;
using IaGenify.Api.Tests.Assets;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Assets;
using IaGenify.Application.Identity;
using IaGenify.Application.Workspaces;

namespace IaGenify.Api.Tests.Scaling;

/// <summary>Two replicas on one S3-compatible bucket: what one stores, the other serves, in ranges too.</summary>
public sealed class ObjectStorageReplicaTests(ApiFixture fixture, S3Server s3) : ApiTest(fixture), IClassFixture<S3Server>
{
    private static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private ApiFactory Replica()
    {
        var settings = s3.Settings("replicas");
        settings["Jwt:SigningKey"] = SigningKey;
        return new ApiFactory(Fixture.ConnectionString, settings: settings);
    }

    [Fact]
    public async Task An_asset_uploaded_through_one_replica_is_served_whole_and_in_ranges_by_the_other()
    {
        await using var first = Replica();
        await using var second = Replica();
        var register = await first.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = $"s3-{Guid.NewGuid():N}@example.com", password = Password, displayName = "S3" });
        await register.ShouldBe(201);
        var token = (await register.ReadAsync<AuthResponse>()).AccessToken;
        var uploader = first.CreateClient();
        uploader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var reader = second.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var workspace = await uploader.PostAsJsonAsync("/api/v1/workspaces", new { name = "Bucket" });
        await workspace.ShouldBe(201);
        var workspaceId = (await workspace.ReadAsync<WorkspaceDto>()).Id;

        var upload = await uploader.PostAsync($"/api/v1/workspaces/{workspaceId}/assets", AssetTests.File(AssetTests.Png));
        await upload.ShouldBe(201);
        var path = $"/api/v1/workspaces/{workspaceId}/assets/{(await upload.ReadAsync<AssetDto>()).Id}/content";

        var whole = await reader.GetAsync(path);
        await whole.ShouldBe(200);
        Assert.Equal(AssetTests.Png, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes", Assert.Single(whole.Headers.AcceptRanges));

        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Range = new RangeHeaderValue(8, 15);
        var part = await reader.SendAsync(request);
        await part.ShouldBe(206);
        Assert.Equal(AssetTests.Png[8..16], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 8-15/{AssetTests.Png.Length}", part.Content.Headers.ContentRange!.ToString());
    }
}
