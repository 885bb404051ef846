using IaGenify.Domain.Common;

namespace IaGenify.Domain.Websites.Domains;

/// <summary>
/// A customer's host name pointed at one of their websites. It serves the site only once the customer has proved
/// control of the name with a TXT record; a host name belongs to at most one website on the whole platform.
/// </summary>
public sealed class CustomDomain : Entity, ITenantOwned
{
    public const string VerificationPrefix = "_iagenify.";

    /// <summary>The longest host name whose <see cref="VerificationName"/> is still a DNS name (253 characters).</summary>
    public const int MaxHostnameLength = HostNames.MaxLength - 10; // VerificationPrefix.Length

    private CustomDomain()
    {
        Hostname = string.Empty;
        VerificationValue = string.Empty;
    }

    public Guid WorkspaceId { get; private set; }
    public Guid WebsiteId { get; private set; }

    /// <summary>Normalized (see <see cref="HostNames.Normalize"/>).</summary>
    public string Hostname { get; private set; }

    public string VerificationValue { get; private set; }
    public DomainStatus Status { get; private set; }

    /// <summary>The verified domain the website's platform address (<c>/sites/{slug}</c>) redirects to.</summary>
    public bool IsPrimary { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public DateTimeOffset? LastCheckedAt { get; private set; }

    public string VerificationName => VerificationPrefix + Hostname;

    public static CustomDomain Create(Guid workspaceId, Guid websiteId, string hostname, string verificationValue, DateTimeOffset now)
    {
        var normalized = HostNames.Normalize(hostname);
        if (normalized is null || normalized != hostname || normalized.Length > MaxHostnameLength)
            throw new BusinessRuleException("domain.invalid_hostname", "The host name must be a normalized public DNS name.");
        return new CustomDomain
        {
            WorkspaceId = workspaceId,
            WebsiteId = websiteId,
            Hostname = normalized,
            VerificationValue = Guard.NotBlank(verificationValue, 200, nameof(verificationValue)),
            Status = DomainStatus.Pending,
            CreatedAt = now,
        };
    }

    /// <summary>Records a check of the TXT records found at <see cref="VerificationName"/>; true when one matches.</summary>
    public bool Verify(IEnumerable<string> txtRecords, DateTimeOffset now)
    {
        LastCheckedAt = now;
        if (Status == DomainStatus.Verified)
            return true;
        if (!txtRecords.Any(r => string.Equals(r.Trim(), VerificationValue, StringComparison.Ordinal)))
            return false;
        Status = DomainStatus.Verified;
        VerifiedAt = now;
        return true;
    }

    public void MakePrimary()
    {
        if (Status != DomainStatus.Verified)
            throw new BusinessRuleException("domain.not_verified", "Only a verified domain can be the primary address.");
        IsPrimary = true;
    }

    public void ClearPrimary() => IsPrimary = false;
}
