namespace IaGenify.Application.Common.Idempotency;

/// <summary>
/// The command's response carries a secret that is shown once (an API key). Its response is never written to the
/// idempotency store, so an Idempotency-Key sent with it is ignored.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ResponseContainsSecretAttribute : Attribute;
