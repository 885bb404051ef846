namespace IaGenify.Application.Websites.Domains;

/// <summary>
/// What a request for a customer's host name serves: the website with <see cref="Slug"/>, or a permanent redirect to
/// <see cref="RedirectHost"/> (the verified other half of an apex/www pair).
/// </summary>
public sealed record SiteHost(string? Slug, string? RedirectHost);
