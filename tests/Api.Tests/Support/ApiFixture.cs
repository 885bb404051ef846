using IaGenify.Api.Hosting;
using IaGenify.Application.Websites.Publishing;
using IaGenify.Infrastructure.Analytics;
using IaGenify.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;

namespace IaGenify.Api.Tests.Support;

/// <summary>One API and one migrated database for the whole assembly; every test starts from empty tables.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string StripeWebhookSecret = "whsec_test_fixture";

    private TestDatabase? _database;
    private Respawner? _respawner;

    public ApiFactory Factory { get; private set; } = null!;

    /// <summary>The Stripe API the host talks to (<c>Stripe:ApiBase</c>).</summary>
    public FakeStripe Stripe { get; private set; } = null!;
    private bool Started => _respawner is not null;
    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("iagenify_api");
        Stripe = await FakeStripe.StartAsync();
        Factory = new ApiFactory(_database.ConnectionString, settings: StripeSettings(Stripe.BaseUrl));
        await HostCommands.MigrateAsync(Factory.Services, CancellationToken.None);
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            TablesToIgnore = ["__EFMigrationsHistory"],
        });
    }

    public async Task ResetAsync()
    {
        // Page views of the previous test's site visits wait in the in-process buffer: store them now so the reset
        // deletes them, instead of the background writer landing them in the next test's tables.
        await Factory.Services.GetRequiredService<AnalyticsWriter>().FlushAsync(CancellationToken.None);
        // Background work of a test's own factory (another test class's fixture, a page view still being stored) may
        // still touch the tables being emptied; a deadlock with it is retried rather than failing the next test.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_database!.ConnectionString);
                await connection.OpenAsync();
                await _respawner!.ResetAsync(connection);
                break;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 4)
            {
                await Task.Delay(100 * attempt);
            }
        }
        Factory.Clock.Reset();
        Stripe.Reset();
        Factory.Services.GetRequiredService<CapturingEmailSender>().Clear();
        // The reset deletes rows behind EF's back; the NOTIFY it causes arrives a moment later, so move on now.
        Factory.Services.GetRequiredService<SiteContentVersion>().Bump();
    }

    public static Dictionary<string, string?> StripeSettings(string apiBase) => new()
    {
        ["Stripe:SecretKey"] = "sk_test_fixture",
        ["Stripe:WebhookSecret"] = StripeWebhookSecret,
        ["Stripe:ApiBase"] = apiBase,
        ["Stripe:MaxNetworkRetries"] = "0",
    };

    public async Task DisposeAsync()
    {
        if (Started)
            await Factory.DisposeAsync();
        if (Stripe is not null)
            await Stripe.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
