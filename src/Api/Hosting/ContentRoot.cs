namespace IaGenify.Api.Hosting;

/// <summary>
/// The content root is the application's folder, wherever the process is started from: `dotnet /srv/api/IaGenify.Api.dll`
/// run from another folder still finds its appsettings*.json (by default ASP.NET Core takes the working directory,
/// and a host without its settings would serve against the wrong database). An explicit <c>--contentRoot</c> or
/// <c>ASPNETCORE_CONTENTROOT</c> still wins.
/// </summary>
internal static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args)
    {
        var explicitRoot = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return new WebApplicationOptions { Args = args, ContentRootPath = explicitRoot ? null : AppContext.BaseDirectory };
    }
}
