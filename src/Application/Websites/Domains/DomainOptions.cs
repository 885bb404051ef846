namespace IaGenify.Application.Websites.Domains;

/// <summary>Configuration section <c>Domains</c>.</summary>
public sealed class DomainOptions
{
    public const string Section = "Domains";

    /// <summary>
    /// Host names of the platform itself (the API, the app). They and their subdomains can never be a customer's
    /// domain, and requests for them are never routed to a customer's site. The hosts of <c>Platform:PublicUrl</c>
    /// and <c>Platform:AppUrl</c> are added to this list.
    /// </summary>
    public string[] PlatformHosts { get; set; } = [];

    /// <summary>DNS servers for verification (<c>host</c> or <c>host:port</c>); the system's resolvers when empty.</summary>
    public string[] NameServers { get; set; } = [];

    /// <summary>Seconds a DNS query may take before verification gives up.</summary>
    public int QueryTimeoutSeconds { get; set; } = 3;
}
