namespace IaGenify.Domain.Websites.Domains;

public enum DomainStatus
{
    Pending,
    Verified,
}
