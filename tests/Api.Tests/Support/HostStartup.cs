using IaGenify.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace IaGenify.Api.Tests.Support;

/// <summary>
/// Builds and starts the real API host (no test server) to see whether startup refuses a configuration. Going
/// through WebApplicationFactory here would race its deferred start against the failing host's disposal.
/// </summary>
public static class HostStartup
{
    public static async Task<Exception?> FailureAsync(string connectionString, string environment,
        IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(ApiFactory.Settings(connectionString, Path.GetTempPath(), overrides));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddIaGenifyApi();
        await using var app = builder.Build();
        try
        {
            await app.StartAsync();
            await app.StopAsync();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
