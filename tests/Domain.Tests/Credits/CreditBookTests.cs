using IaGenify.Domain.Common;
using IaGenify.Domain.Credits;

namespace IaGenify.Domain.Tests.Credits;

public sealed class CreditBookTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(30);

    private readonly CreditAccount _account = CreditAccount.Open(Guid.CreateVersion7(), T0);
    private readonly List<CreditGrant> _grants = [];
    private readonly List<CreditHold> _holds = [];
    private readonly List<CreditEntry> _entries = [];

    /// <summary>
    /// Runs one operation the way the ledger store does: what is due expires first, then the operation runs on a
    /// book over the open grants and its new objects are kept. (The store does both in one transaction, rolled back
    /// whole on a refusal; operations validate before they change anything, so keeping the sweep is equivalent.)
    /// </summary>
    private T At<T>(DateTimeOffset now, Func<CreditBook, T> operation)
    {
        Keep(Open(now), book => book.ExpireDue(_holds.Where(h => h.IsPending)));
        return Keep(Open(now), operation);
    }

    private CreditBook Open(DateTimeOffset now) => new(_account, _grants.Where(g => g.Remaining > 0), now);

    private T Keep<T>(CreditBook book, Func<CreditBook, T> operation)
    {
        var result = operation(book);
        _grants.AddRange(book.NewGrants);
        _holds.AddRange(book.NewHolds);
        _entries.AddRange(book.NewEntries);
        return result;
    }

    private void Keep(CreditBook book, Action<CreditBook> operation) => Keep(book, b =>
    {
        operation(b);
        return 0;
    });

    private CreditGrant Give(long amount, int? priority = null, DateTimeOffset? expiresAt = null, GrantSource source = GrantSource.Purchase, DateTimeOffset? at = null) =>
        At(at ?? T0, b => b.Grant(source, amount, expiresAt, priority, null, null));

    private void AssertLedgerAddsUp(bool checkDraws = true)
    {
        Assert.Equal(_account.Balance, _entries.Sum(e => e.Amount));
        Assert.Equal(_account.Reserved, _entries.Sum(e => e.ReservedDelta));
        Assert.Equal(_account.Balance, _grants.Sum(g => g.Remaining));
        Assert.Equal(_account.Reserved, _holds.Where(h => h.IsPending).Sum(h => h.Amount));
        Assert.Equal(_account.Reserved, _grants.Sum(g => g.Reserved));
        Assert.True(_account.Available >= 0);
        if (!checkDraws)
            return;
        foreach (var grant in _grants)
        {
            var drawn = _entries.Where(e => e.Type is CreditEntryType.Capture or CreditEntryType.Adjustment or CreditEntryType.Expiry && e.Amount < 0)
                .SelectMany(e => e.Draws).Where(d => d.GrantId == grant.Id).Sum(d => d.Amount);
            Assert.Equal(grant.Amount - grant.Remaining, drawn);
        }
    }

    [Fact]
    public void Holds_burn_down_by_priority_then_earliest_expiry_then_oldest()
    {
        var lowPriority = Give(10, priority: 20);
        var laterExpiry = Give(10, priority: 10, expiresAt: T0.AddDays(10));
        var soonOlder = Give(10, priority: 10, expiresAt: T0.AddDays(5), at: T0);
        var soonNewer = Give(10, priority: 10, expiresAt: T0.AddDays(5), at: T0.AddMinutes(1));
        var neverExpires = Give(10, priority: 10);

        var hold = At(T0.AddMinutes(2), b => b.Reserve("website.generate", 35, Ttl, null, null));

        Assert.Equal(
            [new GrantDraw(soonOlder.Id, 10), new GrantDraw(soonNewer.Id, 10), new GrantDraw(laterExpiry.Id, 10), new GrantDraw(neverExpires.Id, 5)],
            hold.Allocations);
        Assert.Equal(0, lowPriority.Reserved);
        Assert.Equal((50, 35, 15), (_account.Balance, _account.Reserved, _account.Available));
        AssertLedgerAddsUp();
    }

    [Fact]
    public void A_reserve_that_does_not_fit_is_refused_whole_and_changes_nothing()
    {
        Give(20);
        At(T0, b => b.Reserve("image.generate", 15, Ttl, null, null));
        var entriesBefore = _entries.Count;

        var error = Assert.Throws<InsufficientCreditsException>(() => At(T0, b => b.Reserve("image.generate", 6, Ttl, null, null)));

        Assert.Equal((6L, 5L), (error.Required, error.Available));
        Assert.Equal(entriesBefore, _entries.Count);
        Assert.Equal((20, 15), (_account.Balance, _account.Reserved));
        AssertLedgerAddsUp();
    }

    [Fact]
    public void A_partial_capture_charges_part_and_returns_the_rest()
    {
        var first = Give(10, priority: 1);
        var second = Give(30, priority: 2);
        var hold = At(T0, b => b.Reserve("website.generate", 20, Ttl, null, null));

        At(T0, b => b.Capture(hold, 15, null));

        Assert.Equal((HoldStatus.Captured, 15L), (hold.Status, hold.Captured));
        Assert.Equal((25, 0, 25), (_account.Balance, _account.Reserved, _account.Available));
        Assert.Equal((0L, 0L), (first.Remaining, first.Reserved));
        Assert.Equal((25L, 0L), (second.Remaining, second.Reserved));
        var capture = _entries.Single(e => e.Type == CreditEntryType.Capture);
        Assert.Equal((-15L, -20L), (capture.Amount, capture.ReservedDelta));
        Assert.Equal([new GrantDraw(first.Id, 10), new GrantDraw(second.Id, 5)], capture.Draws);
        AssertLedgerAddsUp();
    }

    [Fact]
    public void Capturing_more_than_the_hold_is_refused()
    {
        Give(50);
        var hold = At(T0, b => b.Reserve("page.generate", 10, Ttl, null, null));
        Assert.Equal("hold.capture_exceeds_hold", Assert.Throws<BusinessRuleException>(() => At(T0, b => b.Capture(hold, 11, null))).Code);
        Assert.True(hold.IsPending);
    }

    [Fact]
    public void A_second_capture_or_release_returns_the_first_result_and_writes_nothing()
    {
        Give(50);
        var captured = At(T0, b => b.Reserve("a", 10, Ttl, null, null));
        var released = At(T0, b => b.Reserve("b", 10, Ttl, null, null));
        At(T0, b => b.Capture(captured, 10, null));
        At(T0, b => b.Release(released, null));
        var entries = _entries.Count;

        At(T0, b => b.Capture(captured, 5, null));
        At(T0, b => b.Release(released, null));

        Assert.Equal(entries, _entries.Count);
        Assert.Equal((HoldStatus.Captured, 10L), (captured.Status, captured.Captured));
        Assert.Equal(HoldStatus.Released, released.Status);
        Assert.Equal((40, 0), (_account.Balance, _account.Reserved));
        AssertLedgerAddsUp();
    }

    [Fact]
    public void A_hold_resolves_once_capture_and_release_exclude_each_other()
    {
        Give(50);
        var captured = At(T0, b => b.Reserve("a", 10, Ttl, null, null));
        var released = At(T0, b => b.Reserve("b", 10, Ttl, null, null));
        At(T0, b => b.Capture(captured, 10, null));
        At(T0, b => b.Release(released, null));

        Assert.Equal("hold.captured", Assert.Throws<BusinessRuleException>(() => At(T0, b => b.Release(captured, null))).Code);
        Assert.Equal("hold.released", Assert.Throws<BusinessRuleException>(() => At(T0, b => b.Capture(released, 10, null))).Code);
    }

    [Fact]
    public void A_hold_past_its_time_to_live_expires_and_a_late_capture_is_refused()
    {
        Give(50);
        var hold = At(T0, b => b.Reserve("website.generate", 20, Ttl, null, null));

        var error = Assert.Throws<BusinessRuleException>(() => At(T0 + Ttl, b => b.Capture(hold, 20, null)));

        Assert.Equal("hold.expired", error.Code);
        Assert.Equal(HoldStatus.Expired, hold.Status);
        Assert.Equal((50, 0), (_account.Balance, _account.Reserved));
        AssertLedgerAddsUp();
    }

    [Fact]
    public void An_expired_grant_is_written_off_as_an_expiry_entry()
    {
        var expiring = Give(30, expiresAt: T0.AddDays(30), source: GrantSource.PlanAllowance);
        Give(5);

        At(T0.AddDays(30), b => 0);

        var expiry = _entries.Single(e => e.Type == CreditEntryType.Expiry);
        Assert.Equal((-30L, expiring.Id), (expiry.Amount, expiry.GrantId));
        Assert.Equal((0L, T0.AddDays(30)), (expiring.Remaining, expiring.ExpiredAt));
        Assert.Equal(5, _account.Balance);
        AssertLedgerAddsUp();
    }

    [Fact]
    public void A_grant_expiring_under_a_hold_keeps_the_reserved_part_until_the_hold_resolves()
    {
        var expiring = Give(30, expiresAt: T0.AddMinutes(10), source: GrantSource.Promotion);
        var hold = At(T0, b => b.Reserve("website.generate", 20, TimeSpan.FromHours(1), null, null));

        At(T0.AddMinutes(10), b => 0);
        Assert.Equal((20, 20, 0), (_account.Balance, _account.Reserved, _account.Available));

        At(T0.AddMinutes(20), b => b.Capture(hold, 12, null));

        Assert.Equal((0L, 0L), (expiring.Remaining, expiring.Reserved));
        Assert.Equal((0, 0), (_account.Balance, _account.Reserved));
        Assert.Equal(-8L, _entries.Where(e => e.Type == CreditEntryType.Expiry).Sum(e => e.Amount) + 10);
        AssertLedgerAddsUp();
    }

    [Fact]
    public void Expired_grants_are_not_spent_even_before_a_sweep()
    {
        Give(10, expiresAt: T0.AddDays(1));
        var book = new CreditBook(_account, _grants, T0.AddDays(2));
        var error = Assert.Throws<InsufficientCreditsException>(() => book.Reserve("image.generate", 1, Ttl, null, null));
        Assert.Equal(0, error.Available);
    }

    [Fact]
    public void A_debit_takes_unreserved_credits_in_burn_down_order_and_never_more_than_available()
    {
        var early = Give(10, priority: 1);
        var late = Give(10, priority: 2);
        At(T0, b => b.Reserve("a", 5, Ttl, null, null));

        var debit = At(T0, b => b.Debit(10, null, "support correction"));

        Assert.Equal([new GrantDraw(early.Id, 5), new GrantDraw(late.Id, 5)], debit.Draws);
        Assert.Throws<InsufficientCreditsException>(() => At(T0, b => b.Debit(6, null, null)));
        Assert.Equal((10, 5, 5), (_account.Balance, _account.Reserved, _account.Available));
        AssertLedgerAddsUp();
    }

    [Fact]
    public void A_manual_grant_is_recorded_as_an_adjustment()
    {
        At(T0, b => b.Grant(GrantSource.ManualAdjustment, 7, null, null, null, "goodwill"));
        Assert.Equal((CreditEntryType.Adjustment, 7L), (_entries[0].Type, _entries[0].Amount));
    }

    [Fact]
    public void Random_operations_always_add_up()
    {
        var random = new Random(20261123);
        var now = T0;
        for (var i = 0; i < 2_000; i++)
        {
            now = now.AddMinutes(random.Next(0, 5));
            var pending = _holds.Where(h => h.IsPending).ToList();
            try
            {
                switch (random.Next(6))
                {
                    case 0:
                        Give(random.Next(1, 40), random.Next(0, 3) * 10, random.Next(3) == 0 ? now.AddMinutes(random.Next(1, 120)) : null, at: now);
                        break;
                    case 1 or 2:
                        At(now, b => b.Reserve("op", random.Next(1, 30), TimeSpan.FromMinutes(random.Next(1, 60)), null, null));
                        break;
                    case 3 when pending.Count > 0:
                        var hold = pending[random.Next(pending.Count)];
                        At(now, b => b.Capture(hold, random.Next(1, (int)hold.Amount + 1), null));
                        break;
                    case 4 when pending.Count > 0:
                        At(now, b => b.Release(pending[random.Next(pending.Count)], null));
                        break;
                    case 5:
                        At(now, b => b.Debit(random.Next(1, 10), null, null));
                        break;
                }
            }
            catch (InsufficientCreditsException)
            {
            }
            catch (BusinessRuleException ex) when (ex.Code == "hold.expired")
            {
            }
            AssertLedgerAddsUp(checkDraws: i % 100 == 0);
        }
        AssertLedgerAddsUp();
    }
}
