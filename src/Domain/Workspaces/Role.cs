namespace IaGenify.Domain.Workspaces;

/// <summary>Roles are ordered: each one holds every permission of the roles below it.</summary>
public enum Role
{
    Viewer = 1,
    Member = 2,
    Admin = 3,
    Owner = 4,
}
