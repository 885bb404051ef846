using System.Runtime.CompilerServices;

namespace IaGenify.Application.Exports.Contributors;

/// <summary>Reads a whole list page by page (keyset paging), so that contributors stream large tables.</summary>
internal static class KeysetPages
{
    public const int PageSize = 500;

    /// <param name="fetch">Returns at most <see cref="PageSize"/> rows after the given key (null: from the start).</param>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(Func<Guid?, CancellationToken, Task<List<T>>> fetch,
        Func<T, Guid> keyOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? after = null;
        while (true)
        {
            var page = await fetch(after, cancellationToken);
            foreach (var row in page)
                yield return row;
            if (page.Count < PageSize)
                yield break;
            after = keyOf(page[^1]);
        }
    }
}
