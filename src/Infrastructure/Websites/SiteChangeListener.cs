using IaGenify.Application.Websites.Publishing;
using IaGenify.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IaGenify.Infrastructure.Websites;

/// <summary>
/// Listens for <c>NOTIFY site_changed</c>, which database triggers send when a website, its revisions, its domains or
/// its workspace change, whichever process made the change, and moves <see cref="SiteContentVersion"/>. While the
/// connection is down nothing could be heard, so the version also moves on every reconnect.
/// </summary>
public sealed class SiteChangeListener(NpgsqlDataSource dataSource, SiteContentVersion version, ILogger<SiteChangeListener> logger)
    : PeriodicWorker(logger)
{
    public const string Channel = "site_changed";

    protected override bool Enabled => true;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);
    protected override bool RunAtStart => true;

    // A lost connection is retried every second: changes made meanwhile are only caught by the bump on reconnect.
    protected override TimeSpan MaxErrorDelay => TimeSpan.FromSeconds(1);

    /// <summary>One run lasts as long as the connection: it ends when the host stops or the connection fails.</summary>
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            connection.Notification += (_, _) => version.Bump();
            await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                await listen.ExecuteNonQueryAsync(cancellationToken);
            version.Bump();
            while (!cancellationToken.IsCancellationRequested)
                await connection.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            version.Bump();
            throw;
        }
    }
}
