using Microsoft.Extensions.DependencyInjection;

namespace IaGenify.Infrastructure.Persistence;

/// <summary>
/// The scope's <see cref="AppDbContext"/>, rented from the pool only when something uses it. The services every
/// request constructs (the authorization step's audit log and unit of work, the workspace read) take this instead of
/// the context, so a request answered without EF Core (the membership check and <c>GET /workspaces/{id}</c> read
/// through Npgsql) never rents, binds and resets a context. The container still owns the context: this only asks it.
/// </summary>
internal sealed class ScopedDbContext(IServiceProvider scope)
{
    private AppDbContext? _rented;

    /// <summary>The scope's context, rented now if nothing has used it yet.</summary>
    public AppDbContext Context => _rented ?? scope.GetRequiredService<AppDbContext>();

    /// <summary>The scope's context if anything in the scope has used it, else null: then it has nothing to save.</summary>
    public AppDbContext? IfRented => _rented;

    /// <summary>Called by the context's registration when the scope rents it, whoever asked.</summary>
    public void Rented(AppDbContext db) => _rented = db;
}
