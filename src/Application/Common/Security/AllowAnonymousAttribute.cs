namespace IaGenify.Application.Common.Security;

/// <summary>Access policy: no caller identity needed (register, login, public site, signed webhooks).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowAnonymousAttribute : Attribute;
