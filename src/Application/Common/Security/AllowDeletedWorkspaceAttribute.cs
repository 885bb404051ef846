namespace IaGenify.Application.Common.Security;

/// <summary>A workspace request that may act on a soft-deleted workspace (restore); all others see it as gone.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowDeletedWorkspaceAttribute : Attribute;
