namespace IaGenify.Domain.Credits;

public enum HoldStatus
{
    Pending = 1,
    Captured = 2,
    Released = 3,
    Expired = 4,
}
