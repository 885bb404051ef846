namespace IaGenify.Domain.Credits;

public enum CreditEntryType
{
    Grant = 1,
    Hold = 2,
    Capture = 3,
    Release = 4,
    Expiry = 5,
    Adjustment = 6,
}
