using IaGenify.Cli.Tests.Support;

namespace IaGenify.Cli.Tests;

public sealed class CreditCommandTests(CliFixture fixture) : IClassFixture<CliFixture>
{
    private async Task<Guid> DemoWorkspaceAsync()
    {
        var email = $"credits-{Guid.NewGuid():N}@example.com";
        Assert.Equal(0, (await fixture.RunAsync("seed-demo", "--email", email, "--password", "correct horse battery")).ExitCode);
        return (Guid)(await fixture.ScalarAsync(
            "SELECT m.workspace_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = @email", ("email", email)))!;
    }

    private async Task<long> BalanceAsync(Guid workspaceId) =>
        (long)(await fixture.ScalarAsync("SELECT balance FROM credit_accounts WHERE workspace_id = @id", ("id", workspaceId)))!;

    [Fact]
    public async Task Grant_with_a_key_gives_credits_once_however_often_it_runs()
    {
        var workspaceId = await DemoWorkspaceAsync();
        string[] args = ["credits", "grant", "--workspace", workspaceId.ToString(), "--amount", "100", "--reason", "launch promo",
            "--expires", DateTimeOffset.UtcNow.AddDays(30).ToString("O"), "--key", "promo-launch"];

        var first = await fixture.RunAsync(args);
        var again = await fixture.RunAsync(args);

        Assert.Equal((0, 0), (first.ExitCode, again.ExitCode));
        Assert.Contains("balance 150", first.Output);
        Assert.Equal(150, await BalanceAsync(workspaceId));
    }

    [Fact]
    public async Task Adjust_debits_and_refuses_more_than_is_available()
    {
        var workspaceId = await DemoWorkspaceAsync();

        var debit = await fixture.RunAsync("credits", "adjust", "--workspace", workspaceId.ToString(), "--amount", "-20", "--reason", "correction");
        var tooMuch = await fixture.RunAsync("credits", "adjust", "--workspace", workspaceId.ToString(), "--amount", "-31", "--reason", "oops");

        Assert.Equal(0, debit.ExitCode);
        Assert.Equal(1, tooMuch.ExitCode);
        Assert.Contains("insufficient_credits", tooMuch.Error);
        Assert.Equal(30, await BalanceAsync(workspaceId));
    }

    [Fact]
    public async Task Reconcile_reports_no_difference_on_a_healthy_ledger_and_one_when_a_balance_is_tampered_with()
    {
        var workspaceId = await DemoWorkspaceAsync();

        var healthy = await fixture.RunAsync("credits", "reconcile", "--workspace", workspaceId.ToString());
        await fixture.ScalarAsync("UPDATE credit_accounts SET balance = balance + 7 WHERE workspace_id = @id", ("id", workspaceId));
        var tampered = await fixture.RunAsync("credits", "reconcile", "--workspace", workspaceId.ToString());

        Assert.Equal(0, healthy.ExitCode);
        Assert.Contains("no difference", healthy.Output);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("balance = sum of entry amounts: expected 50, found 57", tampered.Output);
    }

    [Theory]
    [InlineData("credits", "grant", "--amount", "5", "--reason", "x")]
    [InlineData("credits", "adjust", "--workspace", "not-a-guid", "--amount", "5", "--reason", "x")]
    [InlineData("credits", "grant", "--workspace", "00000000-0000-0000-0000-000000000001", "--amount", "5", "--reason", "x", "--source", "gift")]
    public async Task Missing_or_malformed_options_exit_2(params string[] args) =>
        Assert.Equal(2, (await fixture.RunAsync(args)).ExitCode);
}
