using System.IO.Compression;
using IaGenify.Api.Hosting;
using IaGenify.Api.Http;
using IaGenify.Infrastructure.Websites;
using Microsoft.AspNetCore.ResponseCompression;

namespace IaGenify.Api.Sites;

internal static class PublishedSiteSetup
{
    public static IServiceCollection AddPublishedSites(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SiteCacheOptions>(configuration.GetSection(SiteCacheOptions.Section));
        services.AddSingleton<PublishedSiteCache>();
        services.AddSingleton<UserAgentClassifications>();
        services.AddSingleton<PageViewRecorder>();
        // Workers serve no pages, so only processes that do listen for changes.
        if (HostRoles.Of(configuration) != HostRole.Worker)
            services.AddHostedService<SiteChangeListener>();

        // Published pages arrive compressed from their cache; this covers the other HTML and CSS (previews, dev pages).
        // JSON is left alone: API responses carry tokens, and compressing secrets next to reflected input invites BREACH.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "text/css"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
