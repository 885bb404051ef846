namespace IaGenify.Application.Websites.Queries.IssuePreviewLink;

/// <summary>Where a signed preview link's pages and images are served: everything under <c>/preview/{token}</c>.</summary>
public static class PreviewLinkPaths
{
    public static string BasePath(string token) => $"/preview/{token}";

    public static string Home(string token) => $"{BasePath(token)}/";

    public static string Asset(string token, Guid assetId) => $"{BasePath(token)}/assets/{assetId}";
}
