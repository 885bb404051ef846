using Ardalis.Specification;
using IaGenify.Application.Common.Specifications;
using IaGenify.Domain.Websites;
using IaGenify.Domain.Workspaces;
using IaGenify.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IaGenify.Api.Tests.Persistence;

/// <summary>
/// The EF evaluator of Ardalis specifications: includes and tenant-filter lifting are ours, and lifting every filter
/// is refused. Checked on the SQL EF Core would send, so no database is needed.
/// </summary>
public sealed class SpecificationEvaluatorTests
{
    private static AppDbContext Db() => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseNpgsql("Host=127.0.0.1;Database=sql-only")
        .UseSnakeCaseNamingConvention()
        .Options);

    private sealed class InvitationsOfWorkspace : Specification<Invitation>
    {
        public InvitationsOfWorkspace(Guid workspaceId, bool acrossTenants)
        {
            if (acrossTenants)
                Query.IgnoreTenantFilter();
            Query.Where(i => i.WorkspaceId == workspaceId).OrderBy(i => i.Id).Take(5);
        }
    }

    private sealed class EveryFilterLifted : Specification<Invitation>
    {
        public EveryFilterLifted() => Query.IgnoreQueryFilters();
    }

    private sealed class WholeWebsite : Specification<Website>
    {
        public WholeWebsite() => Query.Include(w => w.Pages).ThenInclude(p => p.Sections);
    }

    [Fact]
    public void The_tenant_filter_applies_unless_the_specification_lifts_it()
    {
        using var db = Db();
        var workspaceId = Guid.NewGuid();
        var scoped = SpecificationEvaluator.Apply(db.Invitations, new InvitationsOfWorkspace(workspaceId, false)).ToQueryString();
        var lifted = SpecificationEvaluator.Apply(db.Invitations, new InvitationsOfWorkspace(workspaceId, true)).ToQueryString();

        Assert.Contains("ef_filter", scoped, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ef_filter", lifted, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ORDER BY", lifted);
        Assert.Contains("LIMIT", lifted);
    }

    [Fact]
    public void Lifting_every_query_filter_is_refused()
    {
        using var db = Db();
        var error = Assert.Throws<InvalidOperationException>(() =>
            SpecificationEvaluator.Apply(db.Invitations, new EveryFilterLifted()));
        Assert.Contains("IgnoreTenantFilter", error.Message);
    }

    [Fact]
    public void Include_chains_become_ef_includes()
    {
        using var db = Db();
        var sql = SpecificationEvaluator.Apply(db.Set<Website>(), new WholeWebsite()).ToQueryString();
        Assert.Contains("website_pages", sql);
        Assert.Contains("website_sections", sql);
    }
}
