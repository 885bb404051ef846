using System.Net.Http.Json;
using IaGenify.Api.Tests.Support;
using IaGenify.Application.Audit;
using IaGenify.Application.Billing.Commands.ReceiveStripeWebhook;
using IaGenify.Application.Billing.Commands.ReconcileStripeEvents;
using IaGenify.Application.Common.Paging;
using IaGenify.Domain.Billing;
using IaGenify.Domain.Credits;

namespace IaGenify.Api.Tests.Billing;

/// <summary>Realistic Stripe deliveries (duplicates, new ids, races, any order) on real PostgreSQL: each purchase, allowance and state change happens once.</summary>
public sealed class StripeWebhookTests(ApiFixture fixture) : BillingTest(fixture)
{
    private static string PackEvent(string eventId, string sessionId, Guid workspaceId, string pack = "credits-1000", string paymentStatus = "paid") =>
        StripeJson.Event(eventId, "checkout.session.completed",
            StripeJson.CheckoutSession(sessionId, "payment", workspaceId, "cus_pack", creditPack: pack, paymentStatus: paymentStatus),
            DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_credit_pack_is_granted_once_however_often_the_event_is_delivered()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var delivery = PackEvent("evt_pack_1", "cs_pack_1", workspaceId);

        Assert.False(await DeliverOkAsync(delivery));
        Assert.True(await DeliverOkAsync(delivery));
        Assert.True(await DeliverOkAsync(delivery));

        Assert.Equal(1050, await BalanceAsync(owner, workspaceId));
        var purchase = Assert.Single(await GrantsAsync(owner, workspaceId, GrantSource.Purchase));
        Assert.Equal(1000, purchase.Amount);
        Assert.Null(purchase.ExpiresAt);
    }

    [Fact]
    public async Task A_checkout_session_resent_under_a_new_event_id_is_granted_once()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        Assert.False(await DeliverOkAsync(PackEvent("evt_pack_a", "cs_pack_2", workspaceId)));
        Assert.False(await DeliverOkAsync(PackEvent("evt_pack_b", "cs_pack_2", workspaceId)));
        Assert.False(await DeliverOkAsync(StripeJson.Event("evt_pack_c", "checkout.session.async_payment_succeeded",
            StripeJson.CheckoutSession("cs_pack_2", "payment", workspaceId, "cus_pack", creditPack: "credits-1000"), Now)));

        Assert.Equal(1050, await BalanceAsync(owner, workspaceId));
        Assert.Single(await GrantsAsync(owner, workspaceId, GrantSource.Purchase));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_event_all_get_2xx_and_grant_once()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var delivery = PackEvent("evt_race", "cs_race", workspaceId, "credits-5000");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => DeliverAsync(delivery)));

        foreach (var response in responses)
            await response.ShouldBe(200);
        var duplicates = await Task.WhenAll(responses.Select(async r => (await r.ReadAsync<WebhookReceiptDto>()).Duplicate));
        Assert.Single(duplicates, d => !d);
        Assert.Equal(5050, await BalanceAsync(owner, workspaceId));
        Assert.Single(await GrantsAsync(owner, workspaceId, GrantSource.Purchase));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_session_under_different_event_ids_grant_once()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => DeliverAsync(PackEvent($"evt_race_{i}", "cs_race_ids", workspaceId))));

        foreach (var response in responses)
            await response.ShouldBe(200);
        Assert.Equal(1050, await BalanceAsync(owner, workspaceId));
        Assert.Single(await GrantsAsync(owner, workspaceId, GrantSource.Purchase));
    }

    [Fact]
    public async Task A_pack_paid_asynchronously_is_granted_when_the_payment_succeeds()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);

        await DeliverOkAsync(PackEvent("evt_async_1", "cs_async", workspaceId, paymentStatus: "unpaid"));
        Assert.Equal(50, await BalanceAsync(owner, workspaceId));

        await DeliverOkAsync(StripeJson.Event("evt_async_2", "checkout.session.async_payment_succeeded",
            StripeJson.CheckoutSession("cs_async", "payment", workspaceId, "cus_pack", creditPack: "credits-1000"), Now));
        Assert.Equal(1050, await BalanceAsync(owner, workspaceId));
    }

    [Fact]
    public async Task The_monthly_allowance_is_granted_once_per_invoice_when_invoice_paid_comes_before_checkout()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var ids = Subscribed.For(workspaceId, Now);
        Stripe.SetSubscription(StripeJson.Subscription(ids.SubscriptionId, workspaceId, ids.CustomerId, "active", StripeJson.ProPrice,
            ids.PeriodStart, ids.PeriodEnd));
        var invoice = StripeJson.Invoice("in_order_1", workspaceId, ids.CustomerId, ids.SubscriptionId, StripeJson.ProPrice,
            ids.PeriodStart, ids.PeriodEnd, billingReason: "subscription_create");
        var checkout = StripeJson.CheckoutSession("cs_order", "subscription", workspaceId, ids.CustomerId, ids.SubscriptionId);

        await DeliverOkAsync(StripeJson.Event("evt_inv_1", "invoice.paid", invoice, Now));
        await DeliverOkAsync(StripeJson.Event("evt_cs_1", "checkout.session.completed", checkout, Now));
        await DeliverOkAsync(StripeJson.Event("evt_inv_1", "invoice.paid", invoice, Now));
        await DeliverOkAsync(StripeJson.Event("evt_inv_1_resent", "invoice.paid", invoice, Now));

        var allowance = Assert.Single(await GrantsAsync(owner, workspaceId, GrantSource.PlanAllowance));
        Assert.Equal(2000, allowance.Amount);
        Assert.Equal(ids.PeriodEnd, allowance.ExpiresAt);
        Assert.Equal(2050, await BalanceAsync(owner, workspaceId));
        var billing = await BillingAsync(owner, workspaceId);
        Assert.Equal(("pro", SubscriptionStatus.Active), (PlanOf(billing), StatusOf(billing)));
        Assert.Equal(ids.PeriodEnd, billing.CurrentPeriodEnd);
    }

    [Fact]
    public async Task The_monthly_allowance_is_granted_once_per_invoice_when_checkout_comes_first_and_renewals_add_one_each()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var ids = await SubscribeAsync(workspaceId);

        // The renewal invoice carries no metadata: the workspace is found through the stored customer.
        var renewal = StripeJson.Invoice("in_renewal", null, ids.CustomerId, ids.SubscriptionId, StripeJson.ProPrice,
            ids.PeriodEnd, ids.PeriodEnd.AddMonths(1));
        await DeliverOkAsync(StripeJson.Event("evt_renewal_a", "invoice.paid", renewal, Now));
        await DeliverOkAsync(StripeJson.Event("evt_renewal_b", "invoice.paid", renewal, Now));

        var allowances = await GrantsAsync(owner, workspaceId, GrantSource.PlanAllowance);
        Assert.Equal(2, allowances.Count);
        Assert.Equal(4050, await BalanceAsync(owner, workspaceId));
    }

    [Fact]
    public async Task Out_of_order_subscription_events_end_in_the_current_state()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var ids = Subscribed.For(workspaceId, Now);
        var trialEnd = ids.PeriodStart.AddDays(14);
        var trialing = StripeJson.Subscription(ids.SubscriptionId, workspaceId, ids.CustomerId, "trialing", StripeJson.ProPrice,
            ids.PeriodStart, trialEnd, trialEnd);
        var upgraded = StripeJson.Subscription(ids.SubscriptionId, workspaceId, ids.CustomerId, "active", StripeJson.BusinessPrice,
            trialEnd, trialEnd.AddMonths(1), cancelAtPeriodEnd: true);
        // Stripe's current state is the newest one, whatever order the events arrive in.
        Stripe.SetSubscription(upgraded);

        await DeliverOkAsync(StripeJson.Event("evt_sub_3", "customer.subscription.updated", upgraded, Now));
        await DeliverOkAsync(StripeJson.Event("evt_sub_1", "customer.subscription.created", trialing, Now.AddMinutes(-10)));
        await DeliverOkAsync(StripeJson.Event("evt_sub_2", "customer.subscription.trial_will_end", trialing, Now.AddMinutes(-5)));

        var billing = await BillingAsync(owner, workspaceId);
        Assert.Equal(("business", SubscriptionStatus.Active), (PlanOf(billing), StatusOf(billing)));
        Assert.True(billing.CancelAtPeriodEnd);
        // One billing.updated for the one change; the stale events changed nothing and published nothing.
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM outbox_events WHERE workspace_id = @id AND type = 'billing.updated'",
            ("id", workspaceId)));
        Assert.Equal(trialEnd.AddMonths(1), billing.CurrentPeriodEnd);
        Assert.Null(billing.TrialEndsAt);
        Assert.Null(billing.Entitlements.MaxWebsites);
    }

    [Fact]
    public async Task A_trial_shows_its_end_and_the_plan_entitlements()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var ids = Subscribed.For(workspaceId, Now);
        var trialEnd = ids.PeriodStart.AddDays(14);
        var trialing = StripeJson.Subscription(ids.SubscriptionId, workspaceId, ids.CustomerId, "trialing", StripeJson.ProPrice,
            ids.PeriodStart, trialEnd, trialEnd);
        Stripe.SetSubscription(trialing);

        await DeliverOkAsync(StripeJson.Event("evt_trial", "customer.subscription.created", trialing, Now));

        var billing = await BillingAsync(owner, workspaceId);
        Assert.Equal(("pro", SubscriptionStatus.Trialing), (PlanOf(billing), StatusOf(billing)));
        Assert.Equal(trialEnd, billing.TrialEndsAt);
        Assert.True(billing.Entitlements.ApiAccess);
    }

    [Fact]
    public async Task A_failed_payment_marks_the_workspace_past_due_keeps_its_credits_and_tells_the_owners()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var ids = await SubscribeAsync(workspaceId);
        Assert.Equal(2050, await BalanceAsync(owner, workspaceId));
        var renewal = StripeJson.Invoice("in_failed", null, ids.CustomerId, ids.SubscriptionId, StripeJson.ProPrice,
            ids.PeriodEnd, ids.PeriodEnd.AddMonths(1), status: "open");
        Stripe.SetSubscription(StripeJson.Subscription(ids.SubscriptionId, workspaceId, ids.CustomerId, "past_due", StripeJson.ProPrice,
            ids.PeriodEnd, ids.PeriodEnd.AddMonths(1)));

        await DeliverOkAsync(StripeJson.Event("evt_failed", "invoice.payment_failed", renewal, Now));
        await DeliverOkAsync(StripeJson.Event("evt_failed", "invoice.payment_failed", renewal, Now));

        var billing = await BillingAsync(owner, workspaceId);
        Assert.Equal(("pro", SubscriptionStatus.PastDue), (PlanOf(billing), StatusOf(billing)));
        Assert.True(billing.Entitlements.ApiAccess);
        Assert.Equal(2050, await BalanceAsync(owner, workspaceId));
        Assert.Single(Emails, e => e.To == owner.Email && e.Subject.Contains("Payment failed"));
        var audit = await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/audit-log?action=billing.status_changed"))
            .ReadAsync<CursorPage<AuditEntryDto>>();
        Assert.Contains(audit.Items, e => e.Details["to"] == "PastDue");
    }

    [Fact]
    public async Task A_payment_failure_reported_late_does_not_overwrite_a_recovered_subscription()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var ids = await SubscribeAsync(workspaceId);
        var failedAt = Now.AddMinutes(-30);
        var renewal = StripeJson.Invoice("in_late", null, ids.CustomerId, ids.SubscriptionId, StripeJson.ProPrice,
            ids.PeriodEnd, ids.PeriodEnd.AddMonths(1), status: "open");

        // The retry succeeded and Stripe says active; the failure of half an hour ago arrives afterwards.
        await DeliverOkAsync(StripeJson.Event("evt_recovered", "customer.subscription.updated",
            StripeJson.Subscription(ids.SubscriptionId, workspaceId, ids.CustomerId, "active", StripeJson.ProPrice, ids.PeriodStart, ids.PeriodEnd), Now));
        await DeliverOkAsync(StripeJson.Event("evt_late_failure", "invoice.payment_failed", renewal, failedAt));

        Assert.Equal(SubscriptionStatus.Active, StatusOf(await BillingAsync(owner, workspaceId)));
    }

    [Fact]
    public async Task Cancellation_downgrades_to_free_keeps_granted_credits_and_enforces_the_free_limits()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var ids = await SubscribeAsync(workspaceId);
        // On Pro (20 members) the owner invites five people and four join: five members, one invitation pending.
        var invitees = new List<TestUser>();
        for (var i = 0; i < 5; i++)
        {
            var invitee = await RegisterAsync();
            await (await owner.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations", new { email = invitee.Email, role = "member" }))
                .ShouldBe(201);
            invitees.Add(invitee);
        }
        foreach (var invitee in invitees.Take(4))
            await (await invitee.Client.PostAsJsonAsync("/api/v1/invitations/accept", new { token = TokenMailedTo(invitee.Email) })).ShouldBe(200);

        var canceled = StripeJson.Subscription(ids.SubscriptionId, workspaceId, ids.CustomerId, "canceled", StripeJson.ProPrice,
            ids.PeriodStart, ids.PeriodEnd, canceledAt: Now);
        Stripe.SetSubscription(canceled);
        await DeliverOkAsync(StripeJson.Event("evt_deleted", "customer.subscription.deleted", canceled, Now));
        // A stale "updated" from before the cancellation changes nothing.
        await DeliverOkAsync(StripeJson.Event("evt_stale_update", "customer.subscription.updated",
            StripeJson.Subscription(ids.SubscriptionId, workspaceId, ids.CustomerId, "active", StripeJson.ProPrice, ids.PeriodStart, ids.PeriodEnd),
            Now.AddMinutes(-1)));

        var billing = await BillingAsync(owner, workspaceId);
        Assert.Equal(("free", SubscriptionStatus.Canceled), (PlanOf(billing), StatusOf(billing)));
        Assert.Equal(5, billing.Entitlements.MaxMembers);
        Assert.False(billing.Entitlements.CustomDomain);
        Assert.Equal(2050, await BalanceAsync(owner, workspaceId));

        var accept = await invitees[4].Client.PostAsJsonAsync("/api/v1/invitations/accept", new { token = TokenMailedTo(invitees[4].Email) });
        var problem = await accept.ShouldBeProblem(402, "plan_limit_reached");
        Assert.Equal("free", problem.Plan);
        Assert.Equal("maxMembers", problem.Entitlement);
        Assert.Equal(5, problem.Limit);
        var invite = await owner.Client.PostAsJsonAsync($"/api/v1/workspaces/{workspaceId}/invitations", new { email = "late@example.com", role = "viewer" });
        await invite.ShouldBeProblem(402, "plan_limit_reached");
        var audit = await (await owner.Client.GetAsync($"/api/v1/workspaces/{workspaceId}/audit-log?action=billing.plan_changed"))
            .ReadAsync<CursorPage<AuditEntryDto>>();
        Assert.Contains(audit.Items, e => e.Details["to"] == "free");
    }

    [Fact]
    public async Task The_end_of_a_replaced_subscription_does_not_downgrade_the_new_one()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var ids = Subscribed.For(workspaceId, Now);
        var current = StripeJson.Subscription("sub_new", workspaceId, ids.CustomerId, "active", StripeJson.BusinessPrice, ids.PeriodStart, ids.PeriodEnd);
        var old = StripeJson.Subscription("sub_old", workspaceId, ids.CustomerId, "canceled", StripeJson.ProPrice, ids.PeriodStart, ids.PeriodEnd,
            canceledAt: Now);
        Stripe.SetSubscription(current);
        Stripe.SetSubscription(old);

        await DeliverOkAsync(StripeJson.Event("evt_new", "customer.subscription.created", current, Now));
        await DeliverOkAsync(StripeJson.Event("evt_old_end", "customer.subscription.deleted", old, Now));

        Assert.Equal(("business", SubscriptionStatus.Active), (PlanOf(await BillingAsync(owner, workspaceId)), StatusOf(await BillingAsync(owner, workspaceId))));
    }

    [Fact]
    public async Task A_deletion_of_a_subscription_stripe_no_longer_returns_is_taken_from_the_event()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var ids = await SubscribeAsync(workspaceId);
        Stripe.Reset();

        await DeliverOkAsync(StripeJson.Event("evt_gone", "customer.subscription.deleted",
            StripeJson.Subscription(ids.SubscriptionId, workspaceId, ids.CustomerId, "canceled", StripeJson.ProPrice, ids.PeriodStart,
                ids.PeriodEnd, canceledAt: Now), Now));

        Assert.Equal(("free", SubscriptionStatus.Canceled), (PlanOf(await BillingAsync(owner, workspaceId)), StatusOf(await BillingAsync(owner, workspaceId))));
    }

    [Fact]
    public async Task When_stripe_cannot_be_reached_the_event_is_refused_whole_and_the_retry_applies_it()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var ids = Subscribed.For(workspaceId, Now);
        var active = StripeJson.Subscription(ids.SubscriptionId, workspaceId, ids.CustomerId, "active", StripeJson.ProPrice, ids.PeriodStart, ids.PeriodEnd);
        Stripe.SetSubscription(active);
        var created = StripeJson.Event("evt_retry", "customer.subscription.created", active, Now);

        Stripe.Fail(500);
        await (await DeliverAsync(created)).ShouldBeProblem(503, "billing.provider_error");
        Assert.Equal("free", PlanOf(await BillingAsync(owner, workspaceId)));

        Stripe.Fail(0);
        Assert.False(await DeliverOkAsync(created));
        Assert.Equal("pro", PlanOf(await BillingAsync(owner, workspaceId)));
    }

    [Fact]
    public async Task Unknown_event_types_and_unknown_workspaces_are_stored_and_acknowledged()
    {
        var other = StripeJson.Event("evt_other", "customer.created", """{"id":"cus_x","object":"customer","metadata":{}}""", Now);
        var stranger = PackEvent("evt_stranger", "cs_stranger", Guid.NewGuid());

        Assert.False(await DeliverOkAsync(other));
        Assert.True(await DeliverOkAsync(other));
        Assert.False(await DeliverOkAsync(stranger));
        Assert.True(await DeliverOkAsync(stranger));
    }

    [Fact]
    public async Task Reconciliation_processes_the_events_the_webhook_missed_once()
    {
        var owner = await RegisterAsync();
        var workspaceId = await CreateWorkspaceAsync(owner);
        var staff = await RegisterAsync(ApiFactory.AdminEmail);
        var delivered = PackEvent("evt_seen", "cs_seen", workspaceId);
        var missed = PackEvent("evt_missed", "cs_missed", workspaceId, "credits-5000");
        await DeliverOkAsync(delivered);
        Stripe.AddEvent(delivered);
        Stripe.AddEvent(missed);

        var first = await staff.Client.PostAsync("/api/v1/admin/billing/reconcile", null);
        var second = await staff.Client.PostAsync("/api/v1/admin/billing/reconcile", null);

        await first.ShouldBe(200);
        var result = await first.ReadAsync<StripeReconciliationDto>();
        Assert.Equal((2, 1, 1, 0), (result.Listed, result.AlreadyKnown, result.Processed, result.Failed));
        Assert.Equal(0, (await second.ReadAsync<StripeReconciliationDto>()).Processed);
        Assert.Equal(6050, await BalanceAsync(owner, workspaceId));
        var listing = Stripe.RequestsTo("GET", "/v1/events")[0];
        Assert.Contains("types[0]=checkout.session.completed", listing.Query);
        Assert.Contains("created[gte]=", listing.Query);
        await (await owner.Client.PostAsync("/api/v1/admin/billing/reconcile", null)).ShouldBeProblem(403);
    }
}
