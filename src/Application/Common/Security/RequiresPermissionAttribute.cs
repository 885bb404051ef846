using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Common.Security;

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPermissionAttribute(Permission permission) : Attribute
{
    public Permission Permission { get; } = permission;
}
