namespace IaGenify.Application.Common.Security;

/// <summary>
/// On a workspace request: a person must have verified their email address first (inviting people, creating API
/// keys, publishing, paying). Until then they can sign in and try the product. API keys are exempt: a verified
/// person created them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresVerifiedEmailAttribute : Attribute;
