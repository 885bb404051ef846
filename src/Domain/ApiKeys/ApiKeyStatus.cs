namespace IaGenify.Domain.ApiKeys;

public enum ApiKeyStatus
{
    Active,
    Expired,
    Revoked,
}
