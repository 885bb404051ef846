using IaGenify.Application.Common.Paging;

namespace IaGenify.Api.Endpoints;

internal static class Paging
{
    public static int LimitOrDefault(int? limit) => limit ?? Cursor.DefaultLimit;
}
