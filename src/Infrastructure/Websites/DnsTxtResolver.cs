using System.Net;
using DnsClient;
using IaGenify.Application.Websites.Domains;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IaGenify.Infrastructure.Websites;

/// <summary>
/// TXT lookups through DnsClient, uncached so that a record the customer has just added is seen on the next try.
/// Uses <c>Domains:NameServers</c> when set, otherwise the system's resolvers.
/// </summary>
internal sealed class DnsTxtResolver(IOptions<DomainOptions> options, ILogger<DnsTxtResolver> logger) : IDnsTxtResolver
{
    private readonly LookupClient _client = Create(options.Value);

    public async Task<IReadOnlyList<string>> TxtRecordsAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.QueryAsync(name, QueryType.TXT, QueryClass.IN, cancellationToken);
            if (response.HasError)
                return [];
            return response.Answers.TxtRecords().Select(r => string.Concat(r.Text)).ToList();
        }
        catch (DnsResponseException exception)
        {
            logger.LogWarning("DNS lookup for domain verification failed: {Code}", exception.Code);
            return [];
        }
        catch (ArgumentException)
        {
            // DnsClient refuses a name DNS cannot carry before asking anyone (host names are now checked when added;
            // one stored before that can still be verified, and simply has no record).
            logger.LogWarning("DNS lookup for domain verification skipped: the name is not a valid DNS name");
            return [];
        }
    }

    private static LookupClient Create(DomainOptions domains)
    {
        var servers = domains.NameServers.Where(s => !string.IsNullOrWhiteSpace(s)).Select(Parse).ToArray();
        var lookup = servers.Length > 0 ? new LookupClientOptions(servers) : new LookupClientOptions();
        lookup.UseCache = false;
        lookup.Timeout = TimeSpan.FromSeconds(Math.Max(1, domains.QueryTimeoutSeconds));
        lookup.Retries = 1;
        lookup.ContinueOnDnsError = false;
        return new LookupClient(lookup);
    }

    private static NameServer Parse(string server) =>
        IPEndPoint.TryParse(server.Trim(), out var endpoint)
            ? new NameServer(endpoint.Address, endpoint.Port == 0 ? NameServer.DefaultPort : endpoint.Port)
            : throw new InvalidOperationException($"Domains:NameServers has an entry that is not an IP address with an optional port: '{server}'.");
}
