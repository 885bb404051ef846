using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using IaGenify.Api.Tests.Lifecycle;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Workspaces.Purge;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Credits;

/// <summary>The credit ledger in the data lifecycle: in exports, and kept (anonymized) when a workspace is purged.</summary>
public sealed class CreditLifecycleTests(ApiFixture fixture) : LifecycleTest(fixture)
{
    private async Task AdjustAsync(TestUser staff, Guid workspaceId, long amount, string reason)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/workspaces/{workspaceId}/credits/adjustments")
        {
            Content = JsonContent.Create(new { amount, reason }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        await (await staff.Client.SendAsync(request)).ShouldBe(201);
    }

    [Fact]
    public async Task An_export_contains_the_balance_the_grants_and_the_whole_history()
    {
        var team = await CreateTeamAsync();
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        await AdjustAsync(staff, team.WorkspaceId, 30, "goodwill");
        await AdjustAsync(staff, team.WorkspaceId, -5, "correction");

        var export = await ExportAsync(team.Admin, team.WorkspaceId);
        using var zip = new ZipArchive(await (await team.Admin.Client.GetAsync(export.DownloadUrl)).Content.ReadAsStreamAsync());

        var summary = JsonDocument.Parse(Read(zip, "credits.json")).RootElement;
        Assert.Equal(75, summary.GetProperty("balance").GetInt64());
        Assert.Equal(["welcome", "manualAdjustment"], summary.GetProperty("grants").EnumerateArray().Select(g => g.GetProperty("source").GetString()));
        var history = JsonDocument.Parse(Read(zip, "credits/entries.json")).RootElement.EnumerateArray().ToList();
        Assert.Equal([50L, 30L, -5L], history.Select(e => e.GetProperty("amount").GetInt64()));
    }

    [Fact]
    public async Task A_purged_workspace_leaves_its_ledger_as_an_anonymous_financial_record()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        await AdjustAsync(staff, workspaceId, 20, "refund for Jane Doe");
        await owner.Client.DeleteAsync($"/api/v1/workspaces/{workspaceId}");
        Clock.Advance(TimeSpan.FromDays(31));

        var result = await Factory.Services.GetRequiredService<WorkspacePurger>().PurgeDueAsync(CancellationToken.None);

        Assert.Equal(new WorkspacePurgeResult(1, 0), result);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM workspaces WHERE id = @id", ("id", workspaceId)));
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM credit_entries WHERE workspace_id = @id", ("id", workspaceId)));
        Assert.Equal(70, await CountAsync("SELECT balance FROM credit_accounts WHERE workspace_id = @id", ("id", workspaceId)));
        Assert.Equal(0, await CountAsync(
            "SELECT count(*) FROM credit_entries WHERE workspace_id = @id AND (reference IS NOT NULL OR idempotency_key IS NOT NULL)", ("id", workspaceId)));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM credit_grants WHERE workspace_id = @id AND reference IS NOT NULL", ("id", workspaceId)));
        var report = await new LedgerDriver(Factory.Services).ReconcileAsync(workspaceId);
        Assert.True(report.IsBalanced, string.Join("; ", report.Discrepancies));
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
