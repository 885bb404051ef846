namespace IaGenify.Application.Common.Paging;

/// <summary>
/// Cursors are the id of the last item seen. Ids are version-7 GUIDs, ordered by creation, so "newer first"
/// pages are "id below the cursor".
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static string Encode(Guid id) => id.ToString("N");

    public static bool TryDecode(string? cursor, out Guid id) =>
        Guid.TryParseExact(cursor, "N", out id);

    public static bool IsValidOrEmpty(string? cursor) => string.IsNullOrEmpty(cursor) || TryDecode(cursor, out _);

    public static Guid? Decode(string? cursor) => TryDecode(cursor, out var id) ? id : null;

    /// <summary>Builds a page from up to limit+1 rows fetched newest first.</summary>
    public static CursorPage<T> Page<T>(IReadOnlyList<T> rows, int limit, Func<T, Guid> idOf)
    {
        if (rows.Count <= limit)
            return new CursorPage<T>(rows, null);
        var items = rows.Take(limit).ToList();
        return new CursorPage<T>(items, Encode(idOf(items[^1])));
    }
}
