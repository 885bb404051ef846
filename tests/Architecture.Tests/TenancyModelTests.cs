using IaGenify.Domain.ApiKeys;
using IaGenify.Domain.Audit;
using IaGenify.Domain.Billing;
using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;
using IaGenify.Domain.Workspaces;
using IaGenify.Infrastructure.Email;
using IaGenify.Infrastructure.Idempotency;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace IaGenify.Architecture.Tests;

/// <summary>
/// Every persisted entity is either tenant-owned (filtered by workspace, workspace_id leading an index) or on the
/// explicit list of global entities below, with the reason it is global.
/// </summary>
public sealed class TenancyModelTests
{
    private static readonly Dictionary<Type, string> GlobalEntities = new()
    {
        [typeof(User)] = "a person can belong to many workspaces",
        [typeof(RefreshToken)] = "belongs to a user's session, not to a workspace",
        [typeof(OneTimeToken)] = "belongs to a user's account recovery",
        [typeof(RecoveryCode)] = "belongs to a user's two-factor authentication, not to a workspace",
        [typeof(Workspace)] = "the tenant itself",
        [typeof(AuditEntry)] = "some actions happen outside any workspace; queries filter by workspace explicitly",
        [typeof(IdempotencyRecord)] = "scoped by workspace or, outside workspaces, by principal (its scope column); read only by scope and key",
        [typeof(BillingInboxEvent)] = "a Stripe event is stored before (or without) knowing its workspace; looked up by event id",
        [typeof(OutboxEmail)] = "account and platform emails (verification, reset) exist outside any workspace; read only by the email dispatcher",
    };

    private static readonly IModel Model = BuildModel();

    private static IModel BuildModel()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=model-only")
            .UseSnakeCaseNamingConvention()
            .Options;
        using var db = new AppDbContext(options);
        return db.Model;
    }

    private static IEnumerable<IEntityType> Entities => Model.GetEntityTypes().Where(e => !e.IsOwned());

    [Fact]
    public void Every_entity_is_tenant_owned_or_declared_global()
    {
        var offenders = Entities
            .Where(e => !typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && !GlobalEntities.ContainsKey(e.ClrType))
            .Select(e => e.ClrType.Name);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_tenant_entity_is_filtered_by_workspace()
    {
        var offenders = Entities
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
            .Where(e => e.GetDeclaredQueryFilters().All(f => f.Key != AppDbContext.TenantFilter))
            .Select(e => e.ClrType.Name);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_tenant_table_has_an_index_led_by_workspace_id()
    {
        var offenders = Entities
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
            .Where(e => !e.GetIndexes().Any(i => i.Properties[0].Name == nameof(ITenantOwned.WorkspaceId)))
            .Select(e => e.ClrType.Name);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Tenant_entities_are_found()
    {
        Assert.Contains(Entities, e => e.ClrType == typeof(Membership));
        Assert.Contains(Entities, e => e.ClrType == typeof(Invitation));
        Assert.Contains(Entities, e => e.ClrType == typeof(ApiKey));
    }
}
