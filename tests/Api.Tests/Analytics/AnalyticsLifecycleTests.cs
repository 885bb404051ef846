using System.IO.Compression;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Workspaces.Purge;
using Microsoft.Extensions.DependencyInjection;
using IaGenify.Api.Endpoints;
using IaGenify.Domain.Exports;

namespace IaGenify.Api.Tests.Analytics;

public sealed class AnalyticsLifecycleTests(ApiFixture fixture) : AnalyticsTestBase(fixture)
{
    [Fact]
    public async Task Exports_include_analytics_csv_and_a_purge_removes_every_analytics_row()
    {
        var team = await CreateTeamAsync();
        var (siteId, slug) = await PublishSiteAsync(team);
        await VisitAsync($"/sites/{slug}", Firefox);
        await VisitAsync($"/sites/{slug}/about", Chrome);
        // A visitor chooses UTM values: one that a spreadsheet would run as a formula is exported as text.
        await VisitAsync($"/sites/{slug}/about?utm_campaign=%3Dhyperlink(1)", Chrome);
        await FlushAsync(3);

        var requested = await team.Admin.Client.PostAsync($"/api/v1/workspaces/{team.WorkspaceId}/exports", null);
        await requested.ShouldBe(202);
        var exportId = (await requested.ReadAsync<ExportEndpoints.ExportAccepted>()).Id;
        string? downloadUrl = null;
        await Wait.UntilAsync(async () =>
        {
            var export = await GetOkAsync<ExportEndpoints.ExportResponse>(team.Admin.Client, $"/api/v1/workspaces/{team.WorkspaceId}/exports/{exportId}");
            downloadUrl = export.Status == ExportStatus.Succeeded ? export.DownloadUrl : null;
            return downloadUrl is not null;
        });
        using var zip = new ZipArchive(await (await team.Admin.Client.GetAsync(downloadUrl)).Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("analytics.csv")!.Open());
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("day,website_id,dimension,value,pageviews,visitors,conversions", lines[0]);
        Assert.Contains($"{Today},{siteId},total,\"\",3,2,0", lines);
        Assert.Contains($"{Today},{siteId},page,/about,2,1,", lines);
        Assert.Contains($"{Today},{siteId},utmCampaign,'=hyperlink(1),1,0,", lines);

        await (await team.Owner.Client.DeleteAsync($"/api/v1/workspaces/{team.WorkspaceId}")).ShouldBe(204);
        Clock.Advance(TimeSpan.FromDays(31));
        await Factory.Services.GetRequiredService<WorkspacePurger>().PurgeDueAsync(CancellationToken.None);

        foreach (var table in new[] { "analytics_events", "analytics_visitor_days", "analytics_page_visitor_days", "analytics_site_hours",
                     "analytics_site_days", "analytics_dimension_days" })
            Assert.Equal(0, await ScalarAsync($"SELECT count(*) FROM {table} WHERE workspace_id = '{team.WorkspaceId}'"));
    }
}
