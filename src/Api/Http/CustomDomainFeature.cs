namespace IaGenify.Api.Http;

/// <summary>Set on requests that arrived for a customer's own host name and were routed to its website.</summary>
internal sealed record CustomDomainFeature(string Host, string Slug);
