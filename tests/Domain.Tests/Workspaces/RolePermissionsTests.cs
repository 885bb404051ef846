using IaGenify.Domain.Workspaces;

namespace IaGenify.Domain.Tests.Workspaces;

/// <summary>The permission table of ARCHITECTURE.md section 3, row by row.</summary>
public sealed class RolePermissionsTests
{
    public static TheoryData<Permission, Role> Table => new()
    {
        { Permission.WorkspaceRead, Role.Viewer },
        { Permission.ContentRead, Role.Viewer },
        { Permission.CreditsRead, Role.Viewer },
        { Permission.AnalyticsRead, Role.Viewer },
        { Permission.GenerationsCreate, Role.Member },
        { Permission.ContentWrite, Role.Member },
        { Permission.WebsitesPublish, Role.Member },
        { Permission.MailboxUse, Role.Member },
        { Permission.WorkspaceUpdate, Role.Admin },
        { Permission.MembersManage, Role.Admin },
        { Permission.ApiKeysManage, Role.Admin },
        { Permission.WebhooksManage, Role.Admin },
        { Permission.ModelSettingsManage, Role.Admin },
        { Permission.AuditLogRead, Role.Admin },
        { Permission.DataExport, Role.Admin },
        { Permission.BillingManage, Role.Owner },
        { Permission.WorkspaceDelete, Role.Owner },
        { Permission.OwnershipManage, Role.Owner },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void A_permission_is_granted_from_its_minimum_role_upwards(Permission permission, Role minimum)
    {
        foreach (var role in Enum.GetValues<Role>())
            Assert.Equal(role >= minimum, role.Grants(permission));
    }

    [Fact]
    public void Every_permission_is_in_the_table()
    {
        var tabled = Table.Select(row => (Permission)row[0]).ToHashSet();
        Assert.All(Enum.GetValues<Permission>(), p => Assert.Contains(p, tabled));
    }
}
