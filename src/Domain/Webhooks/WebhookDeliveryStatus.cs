namespace IaGenify.Domain.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its first attempt or for a retry.</summary>
    Pending = 1,
    Succeeded = 2,

    /// <summary>Refused by the receiver, or out of attempts; never tried again.</summary>
    Failed = 3,
}
