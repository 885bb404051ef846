using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Commands.Register;
using IaGenify.Application.Workspaces.Commands.CreateWorkspace;
using IaGenify.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Infrastructure.Persistence.Seeding;

public sealed record DemoAccount(string Email, bool Created);

/// <summary>
/// Creates the demo user and workspace through the same requests the API sends, so the demo data obeys every
/// rule a customer's data does. Running it again changes nothing.
/// </summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string WorkspaceName = "Demo Workspace";

    public async Task<DemoAccount> SeedAsync(string email, string password, CancellationToken cancellationToken)
    {
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var normalized = EmailAddress.Normalize(email);
            if (await db.Users.AnyAsync(u => u.Email == normalized, cancellationToken))
                return new DemoAccount(normalized, Created: false);
        }

        Guid userId;
        using (var scope = scopes.CreateScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var session = await mediator.Send(new Register(email, password, "Demo User"), cancellationToken);
            userId = session.User.Id;
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
            user.MarkEmailVerified(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        using (var scope = scopes.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<RequestContext>().Principal = Principal.ForUser(userId, email, isPlatformAdmin: false);
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateWorkspace(WorkspaceName), cancellationToken);
        }
        return new DemoAccount(EmailAddress.Normalize(email), Created: true);
    }
}
