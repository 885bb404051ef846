using System.Text.RegularExpressions;

namespace IaGenify.Application.Common.Storage;

/// <summary>
/// Builds and checks object keys. A key is 1–16 segments joined by '/', each made of letters, digits, '.', '_'
/// and '-', never "." or "..": a key can only name a place below the storage root.
/// </summary>
public static partial class ObjectKeys
{
    public const int MaxLength = 512;

    /// <summary>The folder holding every object of a workspace; purging the workspace deletes it.</summary>
    public static string WorkspacePrefix(Guid workspaceId) => $"workspaces/{workspaceId:D}/";

    public static string ForWorkspace(Guid workspaceId, params string[] segments)
    {
        var key = WorkspacePrefix(workspaceId) + string.Join('/', segments);
        return IsValid(key) ? key : throw new ArgumentException($"'{key}' is not a valid object key.", nameof(segments));
    }

    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxLength && Key().IsMatch(key)
        && key.Split('/').All(segment => segment is not ("." or ".."));

    /// <summary>A prefix is a valid key, optionally ending with '/'.</summary>
    public static bool IsValidPrefix(string? prefix) =>
        !string.IsNullOrEmpty(prefix) && IsValid(prefix.EndsWith('/') ? prefix[..^1] : prefix);

    [GeneratedRegex(@"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+){0,15}$")]
    private static partial Regex Key();
}
