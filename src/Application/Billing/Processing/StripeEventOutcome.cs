namespace IaGenify.Application.Billing.Processing;

/// <summary>What an event did, recorded on its inbox row (<paramref name="Name"/>, e.g. <c>credits_granted</c>).</summary>
/// <param name="NotifyPaymentFailed">The workspace's owners get the payment-failed email, staged with the event.</param>
public sealed record StripeEventOutcome(Guid? WorkspaceId, string Name, bool NotifyPaymentFailed = false)
{
    public static readonly StripeEventOutcome Ignored = new(null, "ignored");

    public static readonly StripeEventOutcome UnknownWorkspace = new(null, "unknown_workspace");
}
