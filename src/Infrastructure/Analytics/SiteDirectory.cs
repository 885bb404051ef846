using Npgsql;

namespace IaGenify.Infrastructure.Analytics;

/// <summary>
/// Slug → (workspace, website) for the writer, so that requests never look anything up for analytics. One indexed
/// query per batch and no cache: a slug can pass to another site (even of another workspace) once its site is
/// deleted, and a cached answer would credit that site's views to the wrong tenant.
/// </summary>
public sealed class SiteDirectory
{
    public async Task<IReadOnlyDictionary<string, (Guid WorkspaceId, Guid WebsiteId)>> ResolveAsync(NpgsqlConnection connection,
        IReadOnlySet<string> slugs, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, (Guid, Guid)>(StringComparer.Ordinal);
        var wanted = slugs.ToArray();
        if (wanted.Length == 0)
            return result;
        await using var command = new NpgsqlCommand(
            "SELECT slug, workspace_id, id FROM websites WHERE slug = ANY($1) AND published_revision_id IS NOT NULL", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = wanted });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            result[reader.GetString(0)] = (reader.GetGuid(1), reader.GetGuid(2));
        return result;
    }
}
