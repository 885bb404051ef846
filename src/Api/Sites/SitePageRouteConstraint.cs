using IaGenify.Domain.Websites;

namespace IaGenify.Api.Sites;

/// <summary>
/// Matches a path inside a published site that can name a page. The HEAD route of pages uses it so that a HEAD for
/// another GET-only route under <c>/sites/{slug}</c> (an image under <c>assets/</c>) is not taken for a missing page.
/// </summary>
internal sealed class SitePageRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        SitePaths.IsPagePath(SitePaths.NormalizeRequestPath(values.TryGetValue(routeKey, out var value) ? value as string : null));
}
