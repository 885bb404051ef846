namespace IaGenify.Application.Common.Security;

/// <summary>
/// What an API key's workspace plan allows automation: whether keys may act at all (a downgrade can take it away
/// from keys that already exist) and how many requests per minute (null: the configured default).
/// </summary>
public sealed record ApiKeyAllowance(string PlanCode, string PlanName, bool ApiAccess, int? RequestsPerMinute)
{
    public static ApiKeyAllowance Unrestricted { get; } = new("", "", ApiAccess: true, RequestsPerMinute: null);
}
