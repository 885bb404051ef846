using IaGenify.Application.Websites.Publishing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IaGenify.Infrastructure.Websites;

/// <summary>
/// Listens for <c>NOTIFY site_changed</c>, which database triggers send when a website, its revisions, its domains or
/// its workspace change, whichever process made the change, and moves <see cref="SiteContentVersion"/>. While the
/// connection is down nothing could be heard, so the version also moves on every reconnect.
/// </summary>
public sealed class SiteChangeListener(NpgsqlDataSource dataSource, SiteContentVersion version, ILogger<SiteChangeListener> logger)
    : BackgroundService
{
    public const string Channel = "site_changed";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => version.Bump();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                version.Bump();
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
            {
                logger.LogWarning(ex, "The published-site change listener lost its connection; retrying");
                version.Bump();
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
