using IaGenify.Cli.Hosting;
using IaGenify.Cli.Tests.Support;

namespace IaGenify.Cli.Tests;

/// <summary>The CLI's entry point in-process against a real PostgreSQL database.</summary>
public sealed class CliTests(CliFixture fixture) : IClassFixture<CliFixture>
{
    private static string NewEmail() => $"demo-{Guid.NewGuid():N}@example.com";

    private Task<CliRun> SeedAsync(string email) => fixture.RunAsync("seed-demo", "--email", email, "--password", "correct horse battery");

    private async Task<Guid> WorkspaceOfAsync(string email) => (Guid)(await fixture.ScalarAsync("""
        SELECT m.workspace_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = @email
        """, ("email", email)))!;

    [Fact]
    public async Task Migrate_is_idempotent()
    {
        var run = await fixture.RunAsync("migrate");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("up to date", run.Output);
    }

    [Fact]
    public void Migrate_on_an_empty_database_reports_each_migration_as_it_goes()
    {
        var first = fixture.FirstMigration;

        Assert.Matches(@"Applied \d+ migration\(s\); the database is up to date\.", first.Output);
        Assert.Contains("Applying migrations: 1/", first.Error);
    }

    [Fact]
    public async Task Completion_suggests_subcommands_and_options()
    {
        // Directives come first on the command line, so no --connection here; completing needs no database.
        var noDatabase = new CliHostSettings { LocalSettingsSearch = [] };
        var commands = await CliFixture.RunWithoutConnectionAsync(noDatabase, "[suggest:11]", "workspaces ");
        var options = await CliFixture.RunWithoutConnectionAsync(noDatabase, "[suggest:18]", "workspaces list --");

        Assert.True(commands.ExitCode == 0, commands.Error + commands.Output);
        Assert.Contains("purge-expired", commands.Output.Split(Environment.NewLine));
        Assert.Contains("--search", options.Output.Split(Environment.NewLine));
    }

    [Fact]
    public async Task Seed_demo_creates_once_and_then_changes_nothing()
    {
        var email = NewEmail();

        var first = await SeedAsync(email);
        var second = await SeedAsync(email);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("created", first.Output);
        Assert.Contains("already exists", second.Output);
        Assert.Equal(1L, await fixture.ScalarAsync("""
            SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = @email
            """, ("email", email)));
    }

    [Fact]
    public async Task Seed_demo_without_a_password_is_a_usage_error()
    {
        var run = await fixture.RunAsync("seed-demo", "--email", NewEmail());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--password", run.Error);
    }

    [Fact]
    public async Task Workspaces_list_prints_a_table_and_searches_by_name()
    {
        var email = NewEmail();
        await SeedAsync(email);
        var workspaceId = await WorkspaceOfAsync(email);

        var all = await fixture.RunAsync("workspaces", "list", "--limit", "100");
        var none = await fixture.RunAsync("workspaces", "list", "--search", "no such workspace");

        Assert.Equal(0, all.ExitCode);
        var lines = all.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0]);
        Assert.Contains(lines, l => l.StartsWith(workspaceId.ToString(), StringComparison.Ordinal) && l.Contains("Demo Workspace"));
        Assert.Equal(0, none.ExitCode);
        Assert.Contains("0 shown.", none.Output);
        // Every platform-admin request is audited, the CLI's included.
        Assert.True((long)(await fixture.ScalarAsync(
            "SELECT count(*) FROM audit_entries WHERE action = 'platform.admin_access' AND actor_type = 'System'"))! >= 2);
    }

    [Fact]
    public async Task A_refused_request_exits_1_with_its_code()
    {
        var run = await fixture.RunAsync("workspaces", "list", "--limit", "1000");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("validation_failed", run.Error);
        Assert.Contains("limit", run.Error);
    }

    [Fact]
    public async Task Purge_expired_removes_workspaces_past_their_restore_window_only()
    {
        var due = NewEmail();
        var recent = NewEmail();
        await SeedAsync(due);
        await SeedAsync(recent);
        var dueId = await WorkspaceOfAsync(due);
        var recentId = await WorkspaceOfAsync(recent);
        await fixture.ScalarAsync("UPDATE workspaces SET deleted_at = now() - interval '31 days', purge_after = now() - interval '1 day' WHERE id = @id", ("id", dueId));
        await fixture.ScalarAsync("UPDATE workspaces SET deleted_at = now(), purge_after = now() + interval '30 days' WHERE id = @id", ("id", recentId));

        var run = await fixture.RunAsync("workspaces", "purge-expired");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Purged 1 workspace(s).", run.Output);
        Assert.Equal(0L, await fixture.ScalarAsync("SELECT count(*) FROM workspaces WHERE id = @id", ("id", dueId)));
        Assert.Equal(1L, await fixture.ScalarAsync("SELECT count(*) FROM workspaces WHERE id = @id", ("id", recentId)));
        Assert.Equal(1L, await fixture.ScalarAsync(
            "SELECT count(*) FROM audit_entries WHERE workspace_id = @id AND action = 'workspace.purged'", ("id", dueId)));
    }

    [Fact]
    public async Task Exports_run_builds_queued_exports()
    {
        var email = NewEmail();
        await SeedAsync(email);
        var workspaceId = await WorkspaceOfAsync(email);
        var exportId = Guid.CreateVersion7();
        await fixture.ScalarAsync("INSERT INTO exports (id, workspace_id, status, attempts, created_at) VALUES (@id, @workspace, 'Queued', 0, now())",
            ("id", exportId), ("workspace", workspaceId));

        var run = await fixture.RunAsync("exports", "run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 succeeded, 0 failed", run.Output);
        // Away from a terminal, progress is a line when the operation starts and one when it ends, on stderr.
        Assert.Contains("Building queued exports...", run.Error);
        Assert.Matches(@"Building queued exports: done in \d+\.\d s", run.Error);
        Assert.Equal("Succeeded", await fixture.ScalarAsync("SELECT status FROM exports WHERE id = @id", ("id", exportId)));
        Assert.True(File.Exists(Path.Combine(fixture.StorageRoot, "objects", "workspaces", workspaceId.ToString(), "exports", $"{exportId}.zip")));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("workspaces")]
    [InlineData("workspaces", "list", "--bogus", "1")]
    [InlineData("workspaces", "list", "--limit", "many")]
    [InlineData("workspaces", "list", "--limit")]
    [InlineData("workspaces", "list", "extra")]
    public async Task A_wrong_command_line_exits_2(params string[] args)
    {
        var run = await fixture.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--help' for usage.", run.Error);
    }

    [Fact]
    public async Task Help_lists_every_command_and_each_command_has_its_own()
    {
        var general = await fixture.RunAsync("--help");

        Assert.Equal(0, general.ExitCode);
        Assert.Contains("Exit codes: 0 success", general.Output);
        foreach (var command in new[] { "migrate", "seed-demo", "workspaces list", "workspaces purge-expired", "exports run",
                     "credits grant", "credits adjust", "credits reconcile", "webhooks redeliver", "billing reconcile" })
        {
            string[] words = command.Split(' ');
            var listing = words.Length == 1 ? general : await fixture.RunAsync([.. words[..^1], "--help"]);
            Assert.Contains($"  {words[^1]} ", listing.Output);
            var own = await fixture.RunAsync([.. words, "--help"]);
            Assert.Equal(0, own.ExitCode);
            Assert.Contains($"Usage:{Environment.NewLine}  iagenify {command}", own.Output);
            Assert.Contains("--connection <connection-string>", own.Output);
        }
        Assert.Contains("--search <text>", (await fixture.RunAsync("workspaces", "list", "-h")).Output);
    }

    [Fact]
    public async Task Billing_reconcile_refuses_where_stripe_is_not_configured_and_checks_its_time()
    {
        var unconfigured = await fixture.RunAsync("billing", "reconcile");
        var badTime = await fixture.RunAsync("billing", "reconcile", "--since", "yesterday-ish");

        Assert.Equal(1, unconfigured.ExitCode);
        Assert.Contains("billing.not_configured", unconfigured.Error);
        Assert.Equal(2, badTime.ExitCode);
        Assert.Contains("--since", badTime.Error);
    }
}
