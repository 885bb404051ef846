using System.Linq.Expressions;
using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Common;
using IaGenify.Domain.Credits;
using IaGenify.Domain.Exports;
using IaGenify.Domain.Identity;
using IaGenify.Domain.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace IaGenify.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    /// <summary>Name of the query filter that scopes tenant-owned entities to the request's workspace.</summary>
    public const string TenantFilter = "tenant";

    private IDbContextTransaction? _ownTransaction;

    private RequestContext? RequestContext { get; set; }

    /// <summary>Called for every pooled instance handed to a scope; see <c>DependencyInjection</c>.</summary>
    internal void BindTo(RequestContext requestContext)
    {
        RequestContext = requestContext;
        _ownTransaction = null;
    }

    /// <summary>
    /// The workspace the tenant filter lets through. Outside a workspace request it is the empty GUID, which
    /// matches nothing: a tenant-owned row is only read when the request is scoped to its workspace, or when a
    /// specification lifts the filter on purpose.
    /// </summary>
    public Guid CurrentWorkspaceId => RequestContext?.WorkspaceId ?? Guid.Empty;

    public DbSet<User> Users => Set<User>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<OneTimeToken> OneTimeTokens => Set<OneTimeToken>();
    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CreditAccount> CreditAccounts => Set<CreditAccount>();
    public DbSet<CreditGrant> CreditGrants => Set<CreditGrant>();
    public DbSet<CreditHold> CreditHolds => Set<CreditHold>();
    public DbSet<CreditEntry> CreditEntries => Set<CreditEntry>();
    public DbSet<Export> Exports => Set<Export>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe to reorder in code.
        foreach (var enumType in typeof(Entity).Assembly.GetTypes().Where(t => t.IsEnum))
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(40);
        // timestamptz takes only UTC values through Npgsql; a client's "+02:00" is the same instant, so store it as UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // GIN indexes that lead with workspace_id (full-text search of the mailbox) need btree_gin for the uuid column.
        modelBuilder.HasPostgresExtension("btree_gin");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        KeysAreAssignedByTheDomain(modelBuilder);
        ApplyTenantFilter(modelBuilder);
    }

    /// <summary>
    /// Ids are GUIDs the domain assigns on creation. Telling EF so makes it insert a new object it discovers through a
    /// navigation (a member added to a workspace) instead of mistaking it for an existing row to update.
    /// </summary>
    private static void KeysAreAssignedByTheDomain(ModelBuilder modelBuilder)
    {
        foreach (var key in modelBuilder.Model.GetEntityTypes().Select(t => t.FindPrimaryKey()).OfType<IMutableKey>())
            foreach (var property in key.Properties)
                property.ValueGenerated = ValueGenerated.Never;
    }

    private void ApplyTenantFilter(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(t => t.BaseType is null && typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            var entity = Expression.Parameter(entityType.ClrType, "e");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(entity, nameof(ITenantOwned.WorkspaceId)),
                    Expression.Property(Expression.Constant(this), nameof(CurrentWorkspaceId))),
                entity);
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter, filter);
        }
    }

    /// <summary>
    /// Detects the changes once, then saves without detecting them again: the save interceptors read the tracked
    /// entries before EF Core's own detection, and each read detected every change once more (four passes over a
    /// worker's batch of a hundred entities, 9 % of its CPU). The interceptors only read; nothing changes an entity
    /// between the detection and the save.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangeTracker.AutoDetectChangesEnabled)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <inheritdoc cref="SaveChangesAsync(bool, CancellationToken)"/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!ChangeTracker.AutoDetectChangesEnabled)
            return base.SaveChanges(acceptAllChangesOnSuccess);
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>
    /// Makes sure the unit of work runs in a transaction now, for work that must lock rows before the changes are
    /// saved (the credit ledger). If nobody opened one yet, the unit of work opens it and
    /// <see cref="CommitAsync"/> commits it. If one is open already (the idempotency step wraps a
    /// command in its own), the work joins it and its owner commits. A scope that ends without saving rolls back.
    /// </summary>
    internal async Task EnsureTransactionAsync(CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is null)
            _ownTransaction = await Database.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>Saves the scope's changes and commits the transaction the unit of work opened, if any.</summary>
    internal async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveChangesAsync(cancellationToken);
            if (TakeOwnTransaction() is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
            }
        }
        catch (Exception ex)
        {
            if (TakeOwnTransaction() is { } transaction)
                await transaction.DisposeAsync();
            var translated = Translate(ex);
            if (ReferenceEquals(translated, ex))
                throw;
            throw translated;
        }
    }

    /// <summary>The transaction this unit of work opened itself, if it is still the current one.</summary>
    private IDbContextTransaction? TakeOwnTransaction()
    {
        var own = _ownTransaction is not null && ReferenceEquals(Database.CurrentTransaction, _ownTransaction) ? _ownTransaction : null;
        _ownTransaction = null;
        return own;
    }

    private static Exception Translate(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => ConcurrentUpdate(),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique }
            => Duplicate(unique.ConstraintName),
        _ => (exception as PostgresException ?? exception.InnerException as PostgresException)?.SqlState switch
        {
            // Validators keep these out; this is the net for a field they missed, so that the client gets a 4xx.
            PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter
                => RequestValidationException.For("body", "Text contains characters that cannot be stored (such as NUL)."),
            PostgresErrorCodes.StringDataRightTruncation
                => RequestValidationException.For("body", "A value is longer than its field accepts."),
            PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure => ConcurrentUpdate(),
            _ => exception,
        },
    };

    private static ConflictException ConcurrentUpdate() =>
        new("concurrent_update", "Someone else changed this at the same moment. Reload and try again.");

    /// <summary>
    /// A unique index that a handler checks first and a concurrent request got past: the same answer as the check's
    /// where the contract names a code for it (a host name is <c>domain.taken</c>), else <c>duplicate</c>.
    /// </summary>
    private static ConflictException Duplicate(string? constraint) => constraint switch
    {
        "ix_users_email" => new("duplicate", "An account with this email already exists."),
        "ix_memberships_workspace_id_user_id" => new("duplicate", "This user is already a member of the workspace."),
        "ix_websites_slug" => new("duplicate", "This address is already taken by another website."),
        "ix_custom_domains_hostname" => new("domain.taken", "This host name is already connected to a website."),
        _ => new("duplicate", "This already exists."),
    };
}
