namespace IaGenify.Application.Common.Security;

/// <summary>
/// The workspace's own row as this request's membership check read it, in the same statement and the same snapshot
/// as the check. A query that only shows this row (<c>GET /workspaces/{id}</c>) answers from it instead of reading the
/// row a second time; anything that changes the workspace reads it again through its repository.
/// </summary>
public sealed record AuthorizedWorkspace(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? DeletedAt,
    DateTimeOffset? PurgeAfter, bool RequiresMfa);
