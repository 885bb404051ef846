using IaGenify.Domain.Websites.Domains;

namespace IaGenify.Application.Websites.Domains;

public sealed record DomainVerificationDto(string Type, string Name, string Value);

public sealed record CustomDomainDto(
    Guid Id,
    Guid WebsiteId,
    string Hostname,
    DomainStatus Status,
    bool Primary,
    DomainVerificationDto Verification,
    DateTimeOffset CreatedAt,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset? LastCheckedAt)
{
    public static CustomDomainDto From(CustomDomain domain) => new(domain.Id, domain.WebsiteId, domain.Hostname, domain.Status,
        domain.IsPrimary, new DomainVerificationDto("TXT", domain.VerificationName, domain.VerificationValue), domain.CreatedAt,
        domain.VerifiedAt, domain.LastCheckedAt);
}

public sealed record CustomDomainListDto(IReadOnlyList<CustomDomainDto> Items);
