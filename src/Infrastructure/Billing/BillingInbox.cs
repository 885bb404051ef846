using IaGenify.Application.Billing.Ports;
using IaGenify.Domain.Billing;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IaGenify.Infrastructure.Billing;

/// <summary>
/// <c>INSERT … ON CONFLICT (event_id) DO NOTHING</c> in the unit of work's transaction. PostgreSQL makes a concurrent
/// insert of the same id wait for the first transaction: it then conflicts (first committed) or inserts (first rolled back).
/// </summary>
internal sealed class BillingInbox(AppDbContext db, TimeProvider clock) : IBillingInbox
{
    public async Task<BillingInboxEvent?> TryReceiveAsync(PaymentEvent paymentEvent, CancellationToken cancellationToken)
    {
        await db.EnsureTransactionAsync(cancellationToken);
        var received = BillingInboxEvent.Receive(paymentEvent.Id, paymentEvent.Type, paymentEvent.Created, clock.GetUtcNow());
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO billing_inbox (id, event_id, type, occurred_at, received_at)
            VALUES ({received.Id}, {received.EventId}, {received.Type}, {received.OccurredAt}, {received.ReceivedAt})
            ON CONFLICT (event_id) DO NOTHING
            """, cancellationToken);
        if (inserted == 0)
            return null;
        // Tracked as stored, so that completing it updates the row in the same transaction.
        db.Attach(received);
        return received;
    }
}
