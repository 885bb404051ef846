using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Audit;
using IaGenify.Application.Common.Paging;
using IaGenify.Application.Credits;
using IaGenify.Application.Credits.Commands;
using IaGenify.Application.Credits.Ports;
using IaGenify.Application.Credits.Queries.GetPrices;
using IaGenify.Domain.Credits;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Api.Tests.Credits;

public sealed class CreditApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static HttpRequestMessage Adjustment(Guid workspaceId, long amount, string? key, string reason = "support")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/workspaces/{workspaceId}/credits/adjustments")
        {
            Content = JsonContent.Create(new { amount, reason }),
        };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task A_new_workspace_starts_with_the_welcome_credits()
    {
        var team = await CreateTeamAsync();

        var response = await team.Viewer.Client.GetAsync($"/api/v1/workspaces/{team.WorkspaceId}/credits");

        await response.ShouldBe(200);
        var credits = await response.ReadAsync<CreditBalanceDto>();
        Assert.Equal((50, 50, 0), (credits.Balance, credits.Available, credits.Reserved));
        var grant = Assert.Single(credits.Grants);
        Assert.Equal(GrantSource.Welcome, grant.Source);
        Assert.Empty(credits.Holds);
    }

    [Fact]
    public async Task The_price_list_is_public()
    {
        var prices = await (await Anonymous().GetAsync("/api/v1/credits/prices")).ReadAsync<PriceListDto>();
        var items = prices.Items.ToDictionary(p => p.Operation, p => p.Credits);
        Assert.Equal(20, items["website.generate"]);
        Assert.Equal(30, items["image.generate"]);
        Assert.Equal(1, items["mail.reply"]);
    }

    [Fact]
    public async Task Staff_adjust_credits_once_per_key_and_the_history_adds_up_to_the_balance()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var staff = await RegisterAsync(ApiFactory.AdminEmail);

        var first = await staff.Client.SendAsync(Adjustment(workspaceId, 25, "key-1", "goodwill"));
        var retry = await staff.Client.SendAsync(Adjustment(workspaceId, 25, "key-1", "goodwill"));
        await staff.Client.SendAsync(Adjustment(workspaceId, -30, "key-2"));

        await first.ShouldBe(201);
        await retry.ShouldBe(201);
        var adjusted = await first.ReadAsync<CreditAdjustmentDto>();
        Assert.Equal((75, 75), (adjusted.Balance, adjusted.Available));
        Assert.Equal(adjusted.EntryId, (await retry.ReadAsync<CreditAdjustmentDto>()).EntryId);
        var credits = await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/credits")).ReadAsync<CreditBalanceDto>();
        Assert.Equal(45, credits.Balance);
        var entries = (await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/credits/entries")).ReadAsync<CursorPage<CreditEntryDto>>())
            .Items;
        Assert.Equal([CreditEntryType.Adjustment, CreditEntryType.Adjustment, CreditEntryType.Grant], entries.Select(e => e.Type));
        Assert.Equal(45, entries.Sum(e => e.Amount));
        var audit = (await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/audit-log?action=credits.adjusted")).ReadAsync<CursorPage<AuditEntryDto>>())
            .Items;
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal(staff.Id, a.ActorId));
    }

    [Fact]
    public async Task A_debit_beyond_what_is_available_is_402_with_the_figures_and_writes_nothing()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var staff = await RegisterAsync(ApiFactory.AdminEmail);

        var response = await staff.Client.SendAsync(Adjustment(workspaceId, -51, "too-much"));

        var problem = await response.ShouldBeProblem(402, "insufficient_credits");
        Assert.Equal((51, 50), (problem.Required, problem.Available));
        var entries = await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/credits/entries")).ReadAsync<CursorPage<CreditEntryDto>>();
        Assert.Single(entries.Items);
    }

    [Fact]
    public async Task A_key_reused_for_another_amount_is_422_and_a_missing_key_is_400()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        await staff.Client.SendAsync(Adjustment(workspaceId, 5, "same"));

        await (await staff.Client.SendAsync(Adjustment(workspaceId, 6, "same"))).ShouldBeProblem(422, "idempotency_key_reused");
        var missing = await staff.Client.SendAsync(Adjustment(workspaceId, 5, key: null));
        Assert.Contains("idempotencyKey", (await missing.ShouldBeProblem(400)).ErrorFields());
    }

    [Fact]
    public async Task Customers_cannot_adjust_and_unknown_workspaces_are_404()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var staff = await RegisterAsync(ApiFactory.AdminEmail);

        await (await owner.Client.SendAsync(Adjustment(workspaceId, 1000, "mine"))).ShouldBeProblem(403);
        await (await staff.Client.SendAsync(Adjustment(Guid.NewGuid(), 10, "k"))).ShouldBeProblem(404);
    }

    [Fact]
    public async Task Staff_grant_promotional_credits_that_expire_and_the_sweep_writes_them_off()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/workspaces/{workspaceId}/credits/grants")
        {
            Content = JsonContent.Create(new { amount = 100, source = "promotion", expiresAt = DateTimeOffset.UtcNow.AddDays(1), reason = "launch week" }),
        };
        request.Headers.Add("Idempotency-Key", "promo-1");
        await (await staff.Client.SendAsync(request)).ShouldBe(201);

        Clock.Advance(TimeSpan.FromDays(2));
        var settled = await Factory.Services.GetRequiredService<IaGenify.Infrastructure.Credits.CreditExpirySweep>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, settled);
        var credits = await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/credits")).ReadAsync<CreditBalanceDto>();
        Assert.Equal(50, credits.Balance);
        var expiry = (await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/credits/entries")).ReadAsync<CursorPage<CreditEntryDto>>())
            .Items[0];
        Assert.Equal((CreditEntryType.Expiry, -100L), (expiry.Type, expiry.Amount));
        var report = await (await staff.Client.GetAsync($"/api/v1/admin/credits/reconcile?workspaceId={workspaceId}")).ReadAsync<CreditReconciliation>();
        Assert.Empty(report.Discrepancies);
    }
}
