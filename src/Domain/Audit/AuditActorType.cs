namespace IaGenify.Domain.Audit;

public enum AuditActorType
{
    User = 1,
    ApiKey = 2,
    System = 3,
    Anonymous = 4,
}
