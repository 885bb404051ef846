using IaGenify.Application.Common.Email;
using IaGenify.Infrastructure.Persistence;

namespace IaGenify.Infrastructure.Email;

/// <summary>Adds the email to the scope's context, so the caller's SaveChanges writes it with everything else.</summary>
internal sealed class EmailOutbox(AppDbContext db, TimeProvider clock) : IEmailOutbox
{
    public void Stage(EmailMessage message, string type) =>
        db.Set<OutboxEmail>().Add(OutboxEmail.Create(message, type, clock.GetUtcNow()));
}
