namespace IaGenify.Domain.Credits;

public enum GrantSource
{
    Welcome = 1,
    Promotion = 2,
    PlanAllowance = 3,
    ManualAdjustment = 4,
    Purchase = 5,
}
