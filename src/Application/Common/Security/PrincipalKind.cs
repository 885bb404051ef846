namespace IaGenify.Application.Common.Security;

public enum PrincipalKind
{
    Anonymous,
    User,
    ApiKey,
    /// <summary>Workers, webhooks and the CLI acting on the platform's behalf.</summary>
    System,
}
